@protocol:diagnosekort @usecase:S1-3
Feature: Diagnosekort S1-3: S1(3): Nye diagnoser, som ikke må deles (not on the card, Private)

  MedCom's ConditionList send test protocol 1.0.2, section 3.3.3. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.3.3.1
  Scenario: DK-3.3.3.1 En diagnose, der ikke er på Diagnosekortet, vises ikke på kortet
    Then the GP's Diagnosekort view at step "3.3.3.2" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.3.1": "Er diagnosen fra trin 3.3.3.1 i journalen, men ikke på Diagnosekortet?"

  @cp:DK-3.3.3.2
  Scenario: DK-3.3.3.2 En diagnose markeret Privat er på Diagnosekortet med sin markering
    Then the GP's Diagnosekort view at step "3.3.3.2" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.3.2": "Er diagnosen fra trin 3.3.3.2 på Diagnosekortet, markeret Privat?"

  @cp:DK-3.3.3.3
  Scenario: DK-3.3.3.3 Diagnoser uden for kortet og private diagnoser deles ikke
    Then in the documents of steps "3.3.3.3", the diagnoses on the card are shared, and nothing else
    And the document of step "3.3.3.3" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
