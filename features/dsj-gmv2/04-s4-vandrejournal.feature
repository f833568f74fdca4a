@protocol:dsj-gmv2 @usecase:S4
Feature: DSJ S4: consultations keep the Vandrejournal (PSCR) in Graviditetsmappen up to date

  Sending the DSJ also shares the first Vandrejournal; at every later pregnancy consultation the GP system shares
  a new version of it that supersedes the previous one and carries the consultation's changes.

  Background:
    Given the birthplace "Testfødested Syd (certbench)" receives sygehushenvisninger at EAN "5790001382018", sygehusafdelingsnummer "9901011", department "Fødeafdelingen, visitation"
    And the birthplace "Testfødested Øst (certbench)" receives sygehushenvisninger at EAN "5790001382025", sygehusafdelingsnummer "9902011", department "Svangreambulatoriet"
    And test patient "0201919990" (Else Test Lauridsen) is pregnant and has answered the DSJ questionnaire in Min Læge:
      | felt                    | spørgsmål                                                        | svar                  | type    |
      | sprog                   | Hvilket sprog taler du til daglig?                               | dansk                 | string  |
      | hoejde                  | Hvor høj er du (cm)?                                             | 168                   | integer |
      | vaegt-foer-graviditet   | Hvad vejede du før graviditeten (kg)?                            | 64.5                  | decimal |
      | sidste-menstruation     | Hvornår var første dag i din sidste menstruation?                | 2026-01-05            | date    |
      | fertilitetsbehandling   | Er graviditeten opnået ved fertilitetsbehandling?                | nej                   | boolean |
      | arvelige-sygdomme       | Er der arvelige sygdomme i din eller barnets fars familie?       | ingen kendte          | string  |
      | konsangvinitet          | Er du og barnets far i familie med hinanden?                     | nej                   | boolean |
      | oensker-risikovurdering | Ønsker du prænatal risikovurdering (nakkefoldsscanning)?         | ja                    | boolean |
      | oensker-ultralyd        | Ønsker du misdannelsesscanning?                                  | ja                    | boolean |
      | civilstand              | Hvad er din civilstand?                                          | samlevende            | string  |
      | tobak                   | Ryger du?                                                        | nej                   | boolean |
      | alkohol                 | Hvor mange genstande drikker du om ugen?                         | 0                     | integer |
    When Min Læge delivers the questionnaire answers to the GP system
    And the GP holds the first pregnancy consultation on "2026-02-16" with birthplace "Testfødested Øst (certbench)", entering:
      | felt                  | værdi                                   | type    |
      | alkohol               | 1                                       | integer |
      | blodtryk              | 118/76                                  | string  |
      | termin                | 2026-10-12                              | date    |
      | psykisk-sygdom        | ingen                                   | string  |
      | somatisk-sygdom       | ingen                                   | string  |
      | tidligere-operationer | ingen                                   | string  |
      | samlet-vurdering      | Normal graviditet uden risikofaktorer   | string  |
    And the GP sends the DSJ to the birthplace
    And the GP opens the DSJ of the patient

    And at a later consultation on "2026-05-26" the GP enters:
      | felt             | værdi                                              | type    |
      | alkohol          | 0                                                  | integer |
      | tobak            | ja                                                 | boolean |
      | samlet-vurdering | Uge 19: normal graviditet; er begyndt at ryge igen, rådgivet om rygestop | string  |

  @cp:DSJ-3.3.4.1
  Scenario: The first Vandrejournal carries the DSJ's termin, smoking, alcohol and assessment
    Then sending the DSJ shares the first Vandrejournal (PSCR) with the termin, smoking, alcohol and assessment as the GP left them

  @cp:DSJ-3.3.4.2
  Scenario: A later consultation shares a new version
    Then the later consultation shares a new version of the Vandrejournal that supersedes the first

  @cp:DSJ-3.3.4.3
  Scenario: The new version carries the consultation's changes
    Then the new version carries the later consultation's changes
