@protocol:diagnosekort @usecase:S1-2
Feature: Diagnosekort S1-2: S1(2): Flere nye diagnoser tilføjes Diagnosekortet

  MedCom's ConditionList send test protocol 1.0.2, section 3.3.2. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.3.2.1
  Scenario: DK-3.3.2.1 To nye diagnoser tilføjes Diagnosekortet
    Then the GP's Diagnosekort view at step "3.3.2.1" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.3.2.1": "Viser Diagnosekortet de to nye diagnoser som registreret?"

  @cp:DK-3.3.2.2
  Scenario: DK-3.3.2.2 Et gyldigt ConditionList-dokument med kortets diagnoser dannes
    Then in the documents of steps "3.3.2.2", the diagnoses on the card are shared, and nothing else
    And the document of step "3.3.2.2" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"

  @cp:DK-3.3.2.2-b
  Scenario: DK-3.3.2.2-b Hver diagnose deles med sine koder som registreret
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2", every diagnosis carries its codes as registered

  @cp:DK-3.3.2.2-c
  Scenario: DK-3.3.2.2-c Hver diagnose har netop én diagnosestatus som registreret (Aktuel/Relevant)
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every diagnosis has exactly one diagnosis status, as registered

  @cp:DK-3.3.2.2-d
  Scenario: DK-3.3.2.2-d Hver diagnose har den registrerede diagnosetype (forløb/kontakt)
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2", every diagnosis has the type that was registered

  @cp:DK-3.3.2.2-e
  Scenario: DK-3.3.2.2-e Registrerings-, debut- og afslutningstidspunkter som registreret
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every diagnosis has its registration, onset and abatement times as registered
    And across the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the same diagnosis keeps its recordedDate

  @cp:DK-3.3.2.3
  Scenario: DK-3.3.2.3 Diagnoseteksten følger reglen; ICPC-teksten bruges, når SKS-teksten mangler
    Then in the documents of steps "3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2", every diagnosis carries the diagnosetekst the protocol's rule gives

  @cp:DK-3.3.2.4
  Scenario: DK-3.3.2.4 Tillægstekster deles ikke
    Then in the documents of steps "3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2", no tillægstekst is shared
    And the assessor judges MedCom's step "3.3.2.4": "Kan systemet forklare, hvordan det sikres, at tillægstekster aldrig deles?"

  @cp:DK-3.3.2.5
  Scenario: DK-3.3.2.5 Composition.date og Bundle.timestamp er korrekte
    Then in the documents of steps "3.3.2.2", Composition.date is the last change and Bundle.timestamp the assembly time
