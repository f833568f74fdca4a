@protocol:kommunale-proevesvar @usecase:R1
Feature: Kommunale prøvesvar R1: test example 1 is received, shown and saved to the laboratory chart

  The municipal acute-care team measured glucose and heart rate at Bruno Elmer's home (MedCom's test example
  R1-3.3.1.1, with a clinical comment and an analysis comment, for the GP with the initials ALP). certbench sends
  it as the team's EOJ would; the GP system acknowledges it, notifies the GP and files the results in the
  laboratory chart.

  Background:
    Given the acute-care team sends "eksempel 1": MedCom's test example "R1-3.3.1.1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-3.3.1.1
  Scenario: The message is acknowledged positively
    Then "eksempel 1" is acknowledged with "ok"
    And the assessor judges "Systemet har sendt en positiv kvittering (ok) for testeksempel 1" / "The system sent a positive acknowledgement (ok) for test example 1"

  @cp:KP-3.3.1.2
  Scenario: The acknowledgement's Provenance
    Then the acknowledgement of "eksempel 1" carries a Provenance that names the acknowledged message
    And the assessor judges "Kvitteringens Provenance har activity acknowledgement og peger på beskeden" / "The acknowledgement's Provenance has activity acknowledgement and names the message"

  @cp:KP-3.3.1.3
  Scenario: Distribution by the GP initials
    Then the report "eksempel 1" is addressed to the GP initials "ALP"
    And the assessor judges "Prøvesvaret er fordelt til lægen med initialerne ALP" / "The report is distributed to the GP with the initials ALP"

  @cp:KP-3.3.1.4
  Scenario: The GP is notified
    Then the GP is notified of the new report "eksempel 1"
    And the assessor judges "Brugeren får besked om det nye prøvesvar" / "The user is notified of the new report"

  @cp:KP-3.3.1.5
  Scenario: Patient and receiver are shown
    Then the report "eksempel 1" shows the patient's CPR and name and the receiving clinic
    And the assessor judges "CPR-nummer, navn og modtager vises" / "CPR number, name and receiver are shown"

  @cp:KP-3.3.1.6
  Scenario: Results are shown as not reference-evaluated
    Then the report "eksempel 1" shows every result with value and unit, marked not reference-evaluated
    And the assessor judges "Resultaterne vises med værdi og enhed og markeret ikke referencevurderet" / "Results are shown with value and unit, marked not reference-evaluated"

  @cp:KP-3.3.1.7
  Scenario: Sampling times are shown
    Then the report "eksempel 1" shows the sampling time of every result
    And the assessor judges "Prøvetagningstidspunktet vises for hvert resultat" / "The sampling time of every result is shown"

  @cp:KP-3.3.1.8
  Scenario: Statuses are shown
    Then the report "eksempel 1" shows the report and result statuses
    And the assessor judges "Status for prøvesvar og resultater vises" / "Report and result statuses are shown"

  @cp:KP-3.3.1.9
  Scenario: The producer is shown
    Then the report "eksempel 1" shows the producer with its SOR id and producer id
    And the assessor judges "Producent og producent-id (KAF) vises" / "The producer and producer id (KAF) are shown"

  @cp:KP-3.3.1.10
  Scenario: The signature is shown
    Then the report "eksempel 1" shows the sender's signature: name, title and phone
    And the assessor judges "Signaturen med navn, titel og telefonnummer vises" / "The signature with name, title and phone is shown"

  @cp:KP-3.3.1.11
  Scenario: The GP initials are shown
    Then the report "eksempel 1" is addressed to the GP initials "ALP"
    And the assessor judges "Lægens initialer (ALP) vises" / "The GP initials (ALP) are shown"

  @cp:KP-3.3.1.12
  Scenario: The results are saved to the laboratory chart
    Then the laboratory chart holds every result of "eksempel 1" with its code, long name, value, unit, sampling time and marked not reference-evaluated
    And the assessor judges "Resultaterne er gemt i laboratoriekortet med kode og langt navn, ikke referencevurderet" / "The results are saved in the laboratory chart with code and long name, not reference-evaluated"

  @cp:KP-3.3.1.13
  Scenario: The report can be reopened from the chart
    Then every chart row of "eksempel 1" leads back to the received report
    And the assessor judges "Prøvesvaret kan genåbnes fra laboratoriekortet" / "The report can be reopened from the laboratory chart"
