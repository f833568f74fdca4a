@protocol:diagnosekort @usecase:S1-6
Feature: Diagnosekort S1-6: S1(6): Én diagnose slettes

  MedCom's ConditionList send test protocol 1.0.2, section 3.3.6. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.3.6.1
  Scenario: DK-3.3.6.1 En diagnose slettes fra Diagnosekortet
    Then the GP's Diagnosekort view at step "3.3.6.1" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.6.1": "Er diagnosen fra trin 3.3.3.2 slettet fra Diagnosekortet?"

  @cp:DK-3.3.6.2
  Scenario: DK-3.3.6.2 Den slettede diagnose deles ikke
    Then in the documents of steps "3.3.6.2", the diagnoses on the card are shared, and nothing else
    And the document of step "3.3.6.2" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
