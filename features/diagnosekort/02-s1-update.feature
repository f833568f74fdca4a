@protocol:diagnosekort @usecase:S1-update
Feature: Diagnosekort S1-update: a diagnosis changes status and the Diagnosekort is shared again

  The GP shares the Diagnosekort, later marks the hypertension as ended (relevant, with afslutningsdato) and the
  GP system shares the Diagnosekort again. The new version is a new document that reflects the change, keeps the
  identity of each diagnosis and replaces the previous version.

  Background:
    Given test patient "2509479989" has these diagnoses on the Diagnosekort:
      | ref          | SKS-D                                     | ICPC-2                             | diagnosetekst     | type            | status | debut      | afslutning | tillægstekst |
      | diabetes     | DE119 Type 2-diabetes uden komplikationer | T90 Diabetes type 2                | Type 2-diabetes   | forløbsdiagnose | aktuel | 2019-03-14 |            |              |
      | hypertension | DI109 Essentiel hypertension              | K86 Ukompliceret forhøjet blodtryk | Forhøjet blodtryk | forløbsdiagnose | aktuel | 2020-05-04 |            |              |
    And the GP system shares the Diagnosekort
    When the GP changes "hypertension" to relevant with afslutningsdato "2026-10-15"
    And the GP system shares the Diagnosekort again

  @cp:DK-3.3.2.1
  Scenario: A new version is shared after the change
    Then a new version of the Diagnosekort reaches national document sharing

  @cp:DK-3.3.2.2
  Scenario: The new version is a new document
    Then the new version has a new Bundle.identifier and Bundle.id

  @cp:DK-3.3.2.3
  Scenario: The changed status is shown
    Then in the new version "hypertension" has status relevant with afslutningsdato "2026-10-15"

  @cp:DK-3.3.2.4
  Scenario: Composition.date moves forward
    Then Composition.date in the new version is later than in the previous version

  @cp:DK-3.3.2.5
  Scenario: Diagnoses keep their identity
    Then every diagnosis keeps its Condition identifier in the new version

  @cp:DK-3.3.2.6
  Scenario: Unchanged diagnoses are unchanged
    Then the diagnoses that were not changed are shared unchanged

  @cp:DK-3.3.2.7
  Scenario: The new version replaces the previous one
    Then the new version's DocumentReference replaces the previous one
