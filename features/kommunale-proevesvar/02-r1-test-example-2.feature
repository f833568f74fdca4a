@protocol:kommunale-proevesvar @usecase:R1
Feature: Kommunale prøvesvar R1 (receive protocol 1.2.1, 3.2.1.12–3.2.1.19): test example 2 with unknown initials, comments and comparators

  MedCom's test example 2: glucose <7.1 mmol/L with an analysis comment, respiration rate >25 /min, a clinical
  comment on the whole report, and the GP initials unknown (data-absent-reason).

  Background:
    Given the acute-care team sends "eksempel 2": MedCom's test example "Test example 2"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-3.2.1.12
  Scenario: 3.2.1.12 test example 2 is loaded
    Then "eksempel 2" is acknowledged with "ok"
    And the assessor judges "Testeksempel 2 er indlæst" / "Load a HomeCareObservation test example"

  @cp:KP-3.2.1.13
  Scenario: 3.2.1.13 distribution by the status for unknown initials
    Then the report "eksempel 2" is addressed to the GP initials "unknown"
    And the assessor judges "Understøtter systemet fordeling, fordeles prøvesvaret efter status ukendte initialer (fx fælles indbakke)" / "If SUT supports distribution of a received HomeCareObservation: SUT distributes the HomeCareObservation according to the status indicating that the initials are \"unknown”."

  @cp:KP-3.2.1.14
  Scenario: 3.2.1.14 what the report shows
    Then the report "eksempel 2" shows the patient's CPR and name and the receiving clinic
    And the report "eksempel 2" shows every result with value and unit, marked not reference-evaluated
    And the report "eksempel 2" shows the sampling time of every result
    And the report "eksempel 2" shows the report and result statuses
    And the report "eksempel 2" shows the producer with its SOR id and producer id
    And the report "eksempel 2" shows the sender's signature: name, title and phone
    And the report "eksempel 2" shows the clinical comment for the whole report and each analysis comment on its own result
    And the assessor judges "CPR, navn, modtager, to resultater ikke referencevurderet, prøvetagningstid, status, producent, signatur, analysekommentar og klinisk kommentar vises" / "SUT presents: CPR, Patient name, Receiver name, Two observation results, not interpreted, sampling date and time, Status of the observation(s) and DiagnosticReport, Producer information, Signature (author), Analysis comment, Clinical comment"

  @cp:KP-3.2.1.14-b
  Scenario: comparators and units in the report (the unnumbered row after 3.2.1.14)
    Then the report "eksempel 2" shows its results with their comparators: "NPU22089 <7.1 mmol/L, MCS88122 >25 1/min"
    And the assessor judges "Resultaterne vises i prøvesvaret med < eller > og enhed" / "SUT presents observation results in the HomeCareObservation with the following information: < and/or >; Unit, if relevant and enclosed in HomeCareObservation"

  @cp:KP-3.2.1.15
  Scenario: 3.2.1.15 the clinical comment in the laboratory chart applies to all results
    Then every chart row of "eksempel 2" shows the report's clinical comment
    And the assessor judges "Det ses i laboratoriekortet, at en klinisk kommentar er modtaget, og at den gælder alle resultaterne" / "The user can see if a clinical comment has been received as part of a HomeCareObservation and can access, and see, the clinical comment. It is clear for the user that the clinical comment applies to all the received observation results."

  @cp:KP-3.2.1.16
  Scenario: 3.2.1.16 comparators and units in the laboratory chart
    Then the laboratory chart holds the results of "eksempel 2" with their comparators: "NPU22089 <7.1 mmol/L, MCS88122 >25 1/min"
    And the assessor judges "Laboratoriekortet viser < og > og enhed" / "SUT presents observation results from the HomeCareObservation in the laboratory chart with the following information, when relevant and needed: < and >; Unit, if relevant and enclosed in HomeCareObservation"

  @cp:KP-3.2.1.17
  Scenario: 3.2.1.17 a united view of clinical comments (recommended)
    Given the acute-care team sends "uden kommentar": MedCom's test example "Test example 1"
    When the GP opens the united view of clinical comments of "2509479989", if the system has one
    Then the united view of clinical comments of "2509479989" holds the clinical comment of "eksempel 2"
    And the assessor judges "Understøtter systemet en samlet visning, er de modtagne kliniske kommentarer samlet i en fælles visning" / "If SUT supports a united view/display of received clinical comments: SUT has united the received clinical comments in a shared view/display."

  @cp:KP-3.2.1.18
  Scenario: 3.2.1.18 the analysis comment in the laboratory chart applies to its result
    Then every chart row of "eksempel 2" shows its own analysis comment, and only its own
    And the assessor judges "Analysekommentaren ses i laboratoriekortet ved det resultat, den gælder" / "The user can see if an analysis comment has been received as part of a HomeCareObservation and can access, and see, the analysis comment. It is clear for the user that the analysis comment only applies to a specific observation result and that it is clear which one."

  @cp:KP-3.2.1.19
  Scenario: 3.2.1.19 technical information is stored
    Then the technical data of "eksempel 2" are stored: MessageHeader.id, sending time and result codes with their code system
    And the assessor judges "Systemet gemmer de tekniske oplysninger, bl.a. resultatkoder og afsendelsestidspunkt" / "SUT stores the relevant technical information and data from the HomeCareObservation, including but not limited to, observation(s) codes and sending date and time."
