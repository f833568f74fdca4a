@protocol:diagnosekort @usecase:S1.A1
Feature: Diagnosekort S1.A1 (optional): kontaktdiagnoser on the Diagnosekort

  A system that shares kontaktdiagnoser (encounter diagnoses) on the Diagnosekort marks them as such and keeps
  their period. Optional: only run when the SUT profile claims use case S1.A1.

  Background:
    Given test patient "0504909989" has these diagnoses on the Diagnosekort:
      | ref      | SKS-D                                     | ICPC-2              | diagnosetekst    | type            | status   | debut      | afslutning | tillægstekst |
      | diabetes | DE119 Type 2-diabetes uden komplikationer | T90 Diabetes type 2 | Type 2-diabetes  | forløbsdiagnose | aktuel   | 2018-02-01 |            |              |
      | pneumoni | DJ189 Pneumoni UNS                        | R81 Lungebetændelse | Lungebetændelse  | kontaktdiagnose | relevant | 2025-10-01 | 2025-10-20 |              |
    When the GP system shares the Diagnosekort

  @cp:DK-3.3.4.1
  Scenario: A kontaktdiagnose is marked as an encounter diagnosis
    Then every Condition has the category type that was registered

  @cp:DK-3.3.4.2
  Scenario: A kontaktdiagnose keeps its period and status
    Then "pneumoni" is shared with status relevant, debutdato "2025-10-01" and afslutningsdato "2025-10-20"
