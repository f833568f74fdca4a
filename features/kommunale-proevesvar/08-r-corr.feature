@protocol:kommunale-proevesvar @usecase:R.CORR
Feature: Kommunale prøvesvar R.CORR (certbench's own checks): a correction replaces the report, traceably

  Not part of MedCom's receive protocol 1.2.1 (outside the production trial), mandatory in the standard. The team
  sends test example 1 and then corrects its glucose from 6.8 to 7.2 mmol/L. The GP system shows only the newest
  version, marked "R" with what changed, and keeps the first version traceable.

  Background:
    Given the acute-care team sends "original": MedCom's test example "Test example 1"
    When the team sends "rettelse": a correction of "original" with the glucose result 7.2
    And the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-CORR-1
  Scenario: The correction is acknowledged positively
    Then "rettelse" is acknowledged with "ok"
    And the assessor judges "Systemet har sendt en positiv kvittering (ok) for rettelsen" / "The system sent a positive acknowledgement (ok) for the correction"

  @cp:KP-CORR-2
  Scenario: Only the newest version is shown, marked R
    Then only the newest version "rettelse" of "original" is shown, marked "R" with what changed
    And the assessor judges "Kun den rettede version vises, markeret R, og det fremgår hvad der er rettet" / "Only the corrected version is shown, marked R, showing what was corrected"

  @cp:KP-CORR-3
  Scenario: The earlier version stays traceable
    Then the report keeps "original" traceable as the earlier version of "rettelse"
    And the assessor judges "Den tidligere version kan findes bag den rettede" / "The earlier version can be found behind the corrected one"

  @cp:KP-CORR-4
  Scenario: The laboratory chart shows the corrected value
    Then the laboratory chart holds, for "original" corrected by "rettelse", only the corrected result "NPU22089 7.2 mmol/L" marked "R"
    And the assessor judges "Laboratoriekortet viser kun den rettede værdi 7.2 mmol/L, markeret R" / "The laboratory chart shows only the corrected 7.2 mmol/L, marked R"
