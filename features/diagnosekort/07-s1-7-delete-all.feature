@protocol:diagnosekort @usecase:S1-7
Feature: Diagnosekort S1-7: S1(7): Alle diagnoser slettes

  MedCom's ConditionList send test protocol 1.0.2, section 3.3.7. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.3.7.1
  Scenario: DK-3.3.7.1 Alle diagnoser slettes fra Diagnosekortet
    Then the GP's Diagnosekort view at step "3.3.7.1" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.7.1": "Er alle diagnoser slettet fra Diagnosekortet?"

  @cp:DK-3.3.7.2
  Scenario: DK-3.3.7.2 Der dannes intet ConditionList-dokument for et tomt Diagnosekort
    Then no ConditionList document is created for the empty card
    And the assessor judges MedCom's step "3.3.7.2": "Viser eller forklarer systemet, at der ikke dannes et ConditionList-dokument, når et modtagersystem beder om et tomt Diagnosekort?"
