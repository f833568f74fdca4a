@protocol:kommunale-proevesvar @usecase:R1.A1
Feature: Kommunale prøvesvar R1.A1: a report whose patient refused consent

  MedCom's test example R1A1-3.3.3.1: the citizen refused consent to share the results (the DiagnosticReport is
  marked restricted). The GP system receives it and makes the refusal visible.

  Background:
    Given the acute-care team sends "nægtet samtykke": MedCom's test example "R1A1-3.3.3.1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-3.3.3.1
  Scenario: The message is acknowledged positively
    Then "nægtet samtykke" is acknowledged with "ok"
    And the assessor judges "Systemet har sendt en positiv kvittering (ok)" / "The system sent a positive acknowledgement (ok)"

  @cp:KP-3.3.3.2
  Scenario: The refusal is visible
    Then the report "nægtet samtykke" and its chart rows are marked as refused consent
    And the assessor judges "Det er tydeligt, at borgeren har nægtet samtykke" / "It is clear that the citizen refused consent"
