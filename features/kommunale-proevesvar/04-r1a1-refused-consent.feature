@protocol:kommunale-proevesvar @usecase:R1.A1
Feature: Kommunale prøvesvar R1.A1 (receive protocol 1.2.1, 3.2.3): a report whose patient refused consent

  MedCom's TestScript example R1A1-3.3.3.1 (the protocol names it R1A1-3.3.1): the citizen refused consent to
  share the results (the DiagnosticReport is marked restricted). Not relevant in the production trial. Beside it,
  test example 1 (no refusal) must not be marked as refused.

  @cp:KP-3.2.3.1
  Scenario: 3.2.3.1 the report with refused consent is loaded
    Given the acute-care team sends "nægtet samtykke": MedCom's test example "R1A1-3.3.3.1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "nægtet samtykke" is acknowledged with "ok"
    And the assessor judges "Testeksemplet med nægtet samtykke er indlæst" / "The HomeCareObservation test example is loaded."

  @cp:KP-3.2.3.2
  Scenario: 3.2.3.2 the refused consent is shown clearly
    Given the acute-care team sends "nægtet samtykke": MedCom's test example "R1A1-3.3.3.1"
    And the acute-care team sends "med samtykke": MedCom's test example "Test example 1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the GP is notified of the new report "nægtet samtykke"
    And the report "nægtet samtykke" and its chart rows are marked as refused consent
    And the report "med samtykke" and its chart rows are not marked as refused consent
    And the assessor judges "Trin 3.2.1.3–3.2.1.11 er gennemført; det vises tydeligt, at borgeren har nægtet samtykke" / "The test steps 3.2.1.3-3.2.1.11  has been completed and a HomeCareObservation with refused consent to share observation results has been received. SUT clearly displays the refused consent for the user."
