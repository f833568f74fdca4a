@protocol:kommunale-proevesvar @usecase:R1
Feature: Kommunale prøvesvar, certbench's own check: each patient's reports are shown with that patient only

  Not a step of MedCom's receive protocol 1.2.1, whose examples are about one patient at a time (test example 3 is
  another patient's, E-cpr). The team sends test example 1 (Bruno Elmer) and test example 3 (Peter Hansen, X-eCPR);
  the GP opens each patient's received prøvesvar and laboratory chart.

  @cp:KP-CB-2
  Scenario: Two patients' reports are kept apart
    Given the acute-care team sends "Bruno": MedCom's test example "Test example 1"
    And the acute-care team sends "Peter": MedCom's test example "Test example 3"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    And the GP opens the received prøvesvar and the laboratory chart of "0703921VJ5"
    Then the inbox and laboratory chart of the patient of "Bruno" hold none of the reports of the patient of "Peter"
    And the inbox and laboratory chart of the patient of "Peter" hold none of the reports of the patient of "Bruno"
    And the assessor judges "Hver patients prøvesvar og laboratoriekort viser kun patientens egne prøvesvar" / "Each patient's received reports and laboratory chart show that patient's reports only"
