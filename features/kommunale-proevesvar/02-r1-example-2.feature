@protocol:kommunale-proevesvar @usecase:R1
Feature: Kommunale prøvesvar R1: test example 2 with unknown initials, comments, comparators and an attachment

  MedCom's test example R1-3.3.2.1 (glucose, heart rate with an analysis comment, a clinical comment and a PNG
  image), sent as receive step 12 asks: the requisitioning GP is unknown (data-absent-reason), the glucose is
  above the meter's range (>33.3 mmol/L) and a CRP is below the detection limit (<5 mg/L).

  Background:
    Given the acute-care team sends "eksempel 2": MedCom's test example "R1-3.3.2.1" with unknown GP initials and results written with comparators
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-3.3.2.1
  Scenario: The message is acknowledged positively
    Then "eksempel 2" is acknowledged with "ok"
    And the assessor judges "Systemet har sendt en positiv kvittering (ok) for testeksempel 2" / "The system sent a positive acknowledgement (ok) for test example 2"

  @cp:KP-3.3.2.2
  Scenario: Unknown initials are shown as unknown
    Then the report "eksempel 2" is addressed to the GP initials "unknown"
    And the assessor judges "Ukendte initialer vises som ukendt, og prøvesvaret er i den fælles indbakke" / "Unknown initials are shown as unknown, in the shared inbox"

  @cp:KP-3.3.2.3
  Scenario: Comparators are kept
    Then the laboratory chart holds the results of "eksempel 2" with their comparators: "NPU22089 >33.3 mmol/L, NPU19748 <5 mg/L"
    And the assessor judges "Resultaterne vises med komparator og enhed (>33.3 mmol/L, <5 mg/L)" / "Results are shown with comparator and unit (>33.3 mmol/L, <5 mg/L)"

  @cp:KP-3.3.2.4
  Scenario: Clinical and analysis comments
    Then the report "eksempel 2" shows the clinical comment for the whole report and each analysis comment on its own result
    And the assessor judges "Den kliniske kommentar gælder hele prøvesvaret; analysekommentaren står ved sit resultat" / "The clinical comment applies to the whole report; the analysis comment is on its result"

  @cp:KP-3.3.2.5
  Scenario: The attachment is shown
    Then the report "eksempel 2" shows its attachments
    And the assessor judges "Den vedhæftede fil (MedCom Logo, PNG) kan åbnes" / "The attachment (MedCom Logo, PNG) can be opened"

  @cp:KP-3.3.2.6
  Scenario: Technical data are stored
    Then the technical data of "eksempel 2" are stored: MessageHeader.id, sending time and result codes with their code system
    And the assessor judges "Beskedens id, afsendelsestidspunkt og koder er gemt" / "The message id, sending time and codes are stored"
