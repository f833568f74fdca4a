@protocol:diagnosekort @usecase:S1-1
Feature: Diagnosekort S1-1: S1(1): Én ny diagnose tilføjes Diagnosekortet (one new diagnosis; a previous clinic)

  MedCom's ConditionList send test protocol 1.0.2, section 3.3.1. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.3.1.1
  Scenario: DK-3.3.1.1 Systemet har adgang til patientens diagnoser; patienten har ingen ved start
    Then the GP's Diagnosekort view at step "3.3.1.1" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.1.1": "Har systemet adgang til testpatientens diagnoser og Diagnosekort, og er kortet tomt?"

  @cp:DK-3.3.1.2
  Scenario: DK-3.3.1.2 Et Diagnosekort med to diagnoser oprettes på en tidligere klinik
    Then the GP's Diagnosekort view at step "3.3.1.2" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.1.2": "Viser Diagnosekortet på den tidligere klinik de to diagnoser fra testdata?"

  @cp:DK-3.3.1.3
  Scenario: DK-3.3.1.3 Et gyldigt ConditionList-dokument dannes for den tidligere klinik
    Then in the documents of steps "3.3.1.3", the diagnoses on the card are shared, and nothing else
    And the document of step "3.3.1.3" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"

  @cp:DK-3.3.1.4
  Scenario: DK-3.3.1.4 Diagnosekortet på patientens nuværende klinik viser klinikkens ene diagnose
    Then the GP's Diagnosekort view at step "3.3.1.4" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.1.4": "Viser Diagnosekortet på den nuværende klinik kun den ene diagnose fra testdata?"

  @cp:DK-3.3.1.5
  Scenario: DK-3.3.1.5 Diagnoser fra tidligere klinikker deles ikke
    Then in the documents of steps "3.3.1.5", the diagnoses on the card are shared, and nothing else
    And the document of step "3.3.1.5" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"

  @cp:DK-3.3.1.6
  Scenario: DK-3.3.1.6 Det demonstreres, at dokumentet valideres (dokumentation fra PLSP)
    Then the document of step "3.3.1.5" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
    And the assessor judges MedCom's step "3.3.1.6": "Viser dokumentationen fra PLSP, at ConditionList-dokumentet valideres?"

  @cp:DK-3.3.1.7
  Scenario: DK-3.3.1.7 Diagnoseteksten er SKS-visningsteksten, ellers ICPC-visningsteksten, ellers ingen
    Then in the documents of steps "3.3.1.3, 3.3.1.5", every diagnosis carries the diagnosetekst the protocol's rule gives

  @cp:DK-3.3.1.8
  Scenario: DK-3.3.1.8 clinicalStatus tilføjes, når en afslutningsdato findes
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every ended diagnosis has the clinicalStatus of an ended condition

  @cp:DK-3.3.1.8-b
  Scenario: DK-3.3.1.8-b clinicalStatus er resolved for en afsluttet diagnose (anbefalet)
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every ended diagnosis has clinicalStatus resolved

  @cp:DK-3.3.1.9
  Scenario: DK-3.3.1.9 clinicalStatus tilføjes altid for en forløbsdiagnose (problem-list-item)
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every forløbsdiagnose has a clinicalStatus

  @cp:DK-3.3.1.10
  Scenario: DK-3.3.1.10 Composition.date er seneste ændring, Bundle.timestamp samletidspunktet
    Then in the documents of steps "3.3.1.3, 3.3.1.5", Composition.date is the last change and Bundle.timestamp the assembly time

  @cp:DK-3.3.1.11
  Scenario: DK-3.3.1.11 Tillægstekst deles ikke
    Then in the documents of steps "3.3.1.3, 3.3.1.5", no tillægstekst is shared
    And the assessor judges MedCom's step "3.3.1.11": "Kan systemet forklare, hvordan det sikres, at tillægstekst (Condition.note) aldrig deles?"
