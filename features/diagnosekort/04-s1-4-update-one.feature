@protocol:diagnosekort @usecase:S1-4
Feature: Diagnosekort S1-4: S1(4): Én diagnose opdateres

  MedCom's ConditionList send test protocol 1.0.2, section 3.3.4. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.3.4.1
  Scenario: DK-3.3.4.1 Diagnosestatus opdateres til Relevant med afslutningsdato
    Then the GP's Diagnosekort view at step "3.3.4.1" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.4.1": "Viser Diagnosekortet diagnosen som Relevant med afslutningsdato 2024-05-06 11:15?"

  @cp:DK-3.3.4.2
  Scenario: DK-3.3.4.2 Dokumentet har den opdaterede status og afslutningsdato
    Then in the documents of steps "3.3.4.2", the diagnoses on the card are shared, and nothing else
    And in the documents of steps "3.3.4.2", every diagnosis has exactly one diagnosis status, as registered
    And in the documents of steps "3.3.4.2", every diagnosis has its registration, onset and abatement times as registered
    And the document of step "3.3.4.2" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"

  @cp:DK-3.3.4.3
  Scenario: DK-3.3.4.3 Composition.date og Bundle.timestamp er opdateret siden S1(3)
    Then the document of step "3.3.4.2" has both timestamps later than the one of step "3.3.3.3"
    And in the documents of steps "3.3.4.2", Composition.date is the last change and Bundle.timestamp the assembly time
