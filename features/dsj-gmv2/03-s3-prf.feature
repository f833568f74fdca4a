@protocol:dsj-gmv2 @usecase:S3
Feature: DSJ S3: the svangerskabsjournal is shared with Graviditetsmappen v2 as a PRF document

  The DSJ is coupled to the national Graviditetsmappe: when the GP sends the DSJ to the birthplace, the same
  svangerskabsjournal is shared as a GMv2 PRF document through national document sharing (IHE MHD ITI-65), in the
  format the SUT profile declares (CDA, the national format, or the SDS FHIR draft). Read with the pregnancy
  foundation shared with the Vandrejournal/Målinger protocol.

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
    And the GP sends the DSJ to the birthplace again
    And the GP opens the DSJ of the patient

  @cp:DSJ-3.3.3.1
  Scenario: The svangerskabsjournal is shared as a PRF
    Then sending the DSJ shares one svangerskabsjournal (PRF) with Graviditetsmappen in the declared format

  @cp:DSJ-3.3.3.2
  Scenario: Mandatory sections, patient and author
    Then the svangerskabsjournal has every mandatory section once, the patient by CPR and the practice by SOR

  @cp:DSJ-3.3.3.3
  Scenario: The PRF carries the DSJ's data
    Then the svangerskabsjournal carries the physical data and language of the DSJ

  @cp:DSJ-3.3.3.4
  Scenario: A svangerskabsjournal shared again is a new version of the first
    Then a svangerskabsjournal shared again when the DSJ is sent again supersedes the first
