@protocol:dsj-gmv2 @usecase:S1
Feature: DSJ S1: the first pregnancy consultation, pre-filled from the questionnaire in Min Læge

  Before the first pregnancy consultation the woman answers the DSJ questionnaire in the Min Læge app; PLSP
  delivers her answers to the GP system, which pre-fills the Digital Svangrejournal with them. At the
  consultation the GP corrects one answer (alcohol), adds blood pressure, termin date and an assessment, and
  chooses the birthplace. certbench plays Min Læge/PLSP and delivers the answers as a FHIR QuestionnaireResponse
  (provisional: the format is not public).

  Background:
    Given the birthplace "Testfødested Syd (certbench)" receives sygehushenvisninger at EAN "5790001382018", sygehusafdelingsnummer "9901011", department "Fødeafdelingen, visitation"
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
      | tidligere-indlaeggelser | Har du tidligere været indlagt på sygehus?                       |                       | string  |
    When Min Læge delivers the questionnaire answers to the GP system
    And the GP holds the first pregnancy consultation on "2026-02-16" with birthplace "Testfødested Syd (certbench)", entering:
      | felt                  | værdi                                   | type    |
      | alkohol               | 1                                       | integer |
      | blodtryk              | 118/76                                  | string  |
      | termin                | 2026-10-12                              | date    |
      | psykisk-sygdom        | ingen                                   | string  |
      | somatisk-sygdom       | ingen                                   | string  |
      | tidligere-operationer | ingen                                   | string  |
      | samlet-vurdering      | Normal graviditet uden risikofaktorer   | string  |
    And Min Læge delivers the answers again, an unfinished questionnaire, a body that is no QuestionnaireResponse, answers for a CPR that is no one's, answers whose subject is identified in another system and answers without a subject
    And the GP opens the DSJ of the patient

  @cp:DSJ-3.3.1.1
  Scenario: The GP system receives the questionnaire answers
    Then the GP system's receiving endpoint accepts the questionnaire answers

  @cp:DSJ-3.3.1.2
  Scenario: The answers pre-fill the DSJ
    Then every answer the GP did not change is pre-filled into its DSJ field

  @cp:DSJ-3.3.1.3
  Scenario: Pre-filled fields are marked as the woman's answers
    Then every pre-filled field is marked as the woman's answer from the questionnaire

  @cp:DSJ-3.3.1.4
  Scenario: The GP's corrections and entries are kept and attributed to the GP
    Then the GP's entries and corrections are in the DSJ, marked as the GP's

  @cp:DSJ-3.3.1.5
  Scenario: The GP sees which information comes from the woman
    Then the DSJ shows the woman's answers apart from the GP's entries
    And the assessor judges "Svangrejournalen viser tydeligt, hvilke oplysninger den gravide selv har givet i spørgeskemaet, og hvilke lægen har indtastet eller rettet" / "The DSJ clearly shows which information the woman gave in the questionnaire and which the GP entered or corrected"

  @cp:DSJ-3.3.1.6
  Scenario: The questionnaire is sent to the woman via Min Læge
    Then the GP system sends the DSJ questionnaire to the woman through Min Læge

  @cp:DSJ-3.3.1.7
  Scenario: Answers that cannot be filed change nothing; answers received again keep the GP's corrections
    Then answers the GP system cannot file change nothing, and answers received again keep the GP's corrections

  @cp:DSJ-3.3.1.8
  Scenario: Answers without a subject are answered without a server error
    Then the GP system's receiving endpoint answers the answers without a subject without a server error
