@protocol:diagnosekort @usecase:S1-remove
Feature: Diagnosekort S1-remove: diagnoses leave the Diagnosekort

  After the first sharing, the GP and the patient deselect the KOL diagnosis from the Diagnosekort (it stays in
  the record) and the GP deletes the hypertension diagnosis, registered in error. The next version shares only
  the remaining diagnoses.

  Background:
    Given test patient "2509479989" has these diagnoses on the Diagnosekort:
      | ref          | SKS-D                                     | ICPC-2                             | diagnosetekst     | type            | status   | debut      | afslutning | tillægstekst |
      | diabetes     | DE119 Type 2-diabetes uden komplikationer | T90 Diabetes type 2                | Type 2-diabetes   | forløbsdiagnose | aktuel   | 2019-03-14 |            |              |
      | kol          | DJ449 Kronisk obstruktiv lungesygdom UNS  | R95 Kronisk obstruktiv lungesygdom | KOL               | forløbsdiagnose | aktuel   | 2021-09-02 |            |              |
      | hypertension | DI109 Essentiel hypertension              | K86 Ukompliceret forhøjet blodtryk | Forhøjet blodtryk | forløbsdiagnose | aktuel   |            |            |              |
      | depression   | DF329 Depressiv enkeltepisode UNS         | P76 Depression                     | Depression        | forløbsdiagnose | relevant | 2022-01-10 | 2023-06-30 |              |
    And the GP system shares the Diagnosekort
    When the GP deselects "kol" from the Diagnosekort
    And the GP deletes "hypertension" as registered in error
    And the GP system shares the Diagnosekort again

  @cp:DK-3.3.3.1
  Scenario: A deselected diagnosis is no longer shared
    Then the deselected diagnosis "kol" is no longer shared

  @cp:DK-3.3.3.2
  Scenario: A deleted diagnosis is no longer shared
    Then the deleted diagnosis "hypertension" is no longer shared

  @cp:DK-3.3.3.3
  Scenario: The other diagnoses are still shared
    Then the Diagnosekort shares exactly these diagnoses: "diabetes, depression"
