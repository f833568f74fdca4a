@protocol:diagnosekort @usecase:S1-5
Feature: Diagnosekort S1-5: S1(5): Flere diagnoser opdateres

  MedCom's ConditionList send test protocol 1.0.2, section 3.3.5. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.3.5.1
  Scenario: DK-3.3.5.1 Flere diagnoser opdateres (status, kode og tekst, Privat-markering)
    Then the GP's Diagnosekort view at step "3.3.5.1" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.5.1": "Er alle elementer fra trin 3.3.5.1 opdateret korrekt på Diagnosekortet?"

  @cp:DK-3.3.5.2
  Scenario: DK-3.3.5.2 Dokumentet har alle opdaterede elementer
    Then in the documents of steps "3.3.5.2", the diagnoses on the card are shared, and nothing else
    And in the documents of steps "3.3.5.2", every diagnosis carries its codes as registered
    And in the documents of steps "3.3.5.2", every diagnosis has its registration, onset and abatement times as registered
    And in the documents of steps "3.3.5.2", every diagnosis carries the diagnosetekst the protocol's rule gives

  @cp:DK-3.3.5.3
  Scenario: DK-3.3.5.3 Composition.date og Bundle.timestamp er opdateret korrekt siden S1(4)
    Then the document of step "3.3.5.2" has Bundle.timestamp later and Composition.date changed from the one of step "3.3.4.2"
    And in the documents of steps "3.3.5.2", Composition.date is the last change and Bundle.timestamp the assembly time
