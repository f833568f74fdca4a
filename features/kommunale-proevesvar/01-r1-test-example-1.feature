@protocol:kommunale-proevesvar @usecase:R1
Feature: Kommunale prøvesvar R1 (receive protocol 1.2.1, 3.2.1.1–3.2.1.11): test example 1 is received, shown and saved to the laboratory chart

  The municipal acute-care team measured glucose and CRP at Bruno Elmer's home (MedCom's test example 1, for the
  GP with the initials SDaA). certbench sends it as the team's EOJ would; the GP system acknowledges it, notifies
  the GP, shows it and files the results in the laboratory chart.

  Background:
    Given the acute-care team sends "eksempel 1": MedCom's test example "Test example 1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-3.2.1.1
  Scenario: 3.2.1.1 test example 1 is loaded
    Then "eksempel 1" is acknowledged with "ok"
    And the assessor judges "Testeksempel 1 er indlæst" / "The HomeCareObservation test example is loaded."

  @cp:KP-3.2.1.2
  Scenario: 3.2.1.2 distribution by the GP initials
    Then the report "eksempel 1" is addressed to the GP initials "SDaA"
    And the assessor judges "Understøtter systemet fordeling, fordeles prøvesvaret efter de medsendte initialer (SDaA)" / "If SUT supports distribution of a received HomeCareObservation: SUT distributes the HomeCareObservation according to the enclosed initials"

  @cp:KP-3.2.1.3
  Scenario: 3.2.1.3 the user is notified
    Then the GP is notified of the new report "eksempel 1"
    And the assessor judges "Brugeren får i brugergrænsefladen besked om, at et prøvesvar er modtaget" / "The user is notified in the user interface that a HomeCareObservation has been received."

  @cp:KP-3.2.1.4
  Scenario: 3.2.1.4 patient and receiver are shown
    Then the report "eksempel 1" shows the patient's CPR and name and the receiving clinic
    And the assessor judges "CPR-nummer, patientens navn og modtagerens navn vises" / "SUT presents: Patient’s personal identification number (CPR), Patient name, Receiver name"

  @cp:KP-3.2.1.4-b
  Scenario: 3.2.1.4 results are shown as not interpreted
    Then the report "eksempel 1" shows every result with value and unit, marked not reference-evaluated
    And the assessor judges "Resultaterne vises, tydeligt markeret ikke referencevurderet" / "SUT presents: Observation results; Information that the observation results have not been interpreted (DK: ikke reference vurderet)"

  @cp:KP-3.2.1.4-c
  Scenario: 3.2.1.4 sampling times are shown
    Then the report "eksempel 1" shows the sampling time of every result
    And the assessor judges "Prøvetagningstidspunktet vises for hvert resultat" / "SUT presents: Observation(s) sampling date and time"

  @cp:KP-3.2.1.4-d
  Scenario: 3.2.1.4 statuses are shown
    Then the report "eksempel 1" shows the report and result statuses
    And the assessor judges "Status for resultaterne og for DiagnosticReport vises tydeligt" / "SUT presents: Status of the observation(s) and DiagnosticReport"

  @cp:KP-3.2.1.4-e
  Scenario: 3.2.1.4 the producer is shown
    Then the report "eksempel 1" shows the producer with its SOR id and producer id
    And the assessor judges "Producentinformationen vises tydeligt" / "SUT presents: Producer information"

  @cp:KP-3.2.1.4-f
  Scenario: 3.2.1.4 the signature is shown
    Then the report "eksempel 1" shows the sender's signature: name, title and phone
    And the assessor judges "Afsenderens signatur (author) vises tydeligt" / "SUT presents: Signature (author) information from the sender"

  @cp:KP-3.2.1.4-g
  Scenario: 3.2.1.4 the GP initials are shown
    Then the report "eksempel 1" is addressed to the GP initials "SDaA"
    And the assessor judges "Lægens initialer (SDaA) vises" / "SUT presents: Initials of the general practitioner"

  @cp:KP-3.2.1.5
  Scenario: 3.2.1.5 analysis short names in the report (recommended)
    Then the assessor judges "Understøtter systemet analysekortnavne, vises kortnavnet ved resultaterne i prøvesvaret" / "If SUT supports presentation of the observation results along with the analysis short name: SUT adds the short name to the received observation results in the HomeCareObservation."

  @cp:KP-3.2.1.6
  Scenario: 3.2.1.6 the analysis long name in the report
    Then the report "eksempel 1" shows the long name of every result
    And the assessor judges "Brugeren kan i prøvesvaret se analysens lange navn" / "The user can via the received HomeCareObservation access and see the analysis long name."

  @cp:KP-3.2.1.7
  Scenario: 3.2.1.7 the results are saved to the laboratory chart
    Then the laboratory chart holds every result of "eksempel 1" with its code, long name, value, unit, sampling time and marked not reference-evaluated
    And the assessor judges "Brugeren gemmer resultaterne i laboratoriekortet" / "The user saves the results from the HomeCareObservation in the laboratory chart in SUT."

  @cp:KP-3.2.1.8
  Scenario: 3.2.1.8 the results can be accessed afterwards in the laboratory chart
    Then every chart row of "eksempel 1" leads back to the received report
    And the assessor judges "Brugeren kan efterfølgende tilgå resultaterne i laboratoriekortet" / "The user accesses the received results from the HomeCareObservation in the laboratory chart."

  @cp:KP-3.2.1.9
  Scenario: 3.2.1.9 the laboratory chart shows the results as not interpreted
    Then the laboratory chart shows every result of "eksempel 1" marked not reference-evaluated
    And the assessor judges "Alle resultater ses i laboratoriekortet, tydeligt markeret ikke referencevurderet" / "The user can see all the received observation results in the laboratory chart in SUT, and it is displayed that the results have not been interpreted."

  @cp:KP-3.2.1.10
  Scenario: 3.2.1.10 analysis short names in the laboratory chart (recommended)
    Then the assessor judges "Understøtter systemet analysekortnavne i laboratoriekortet, ses kortnavnet ved resultaterne" / "If SUT supports presentation of the observation results along with the analysis short name in the laboratory chart: The user can see the analysis short name to the received observation results in the laboratory chart."

  @cp:KP-3.2.1.11
  Scenario: 3.2.1.11 the analysis long name in the laboratory chart
    Then the laboratory chart shows the long name of every result of "eksempel 1"
    And the assessor judges "Brugeren kan i laboratoriekortet se analysens lange navn" / "The user can, in the laboratory chart, access and see the analysis long name for the received observation results."
