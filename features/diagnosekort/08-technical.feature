@protocol:diagnosekort @usecase:T
Feature: Diagnosekort T: Generelle tekniske krav (3.4: format, ufuldstændige diagnoser, dokumentindhold)

  MedCom's ConditionList send test protocol 1.0.2, section 3.4. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-3.4.1.1
  Scenario: DK-3.4.1.1 Dokumenterne dannes i JSON
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the document is sent as JSON
    And the assessor judges MedCom's step "3.4.1.1": "Beskriver leverandøren, at dokumenterne dannes i JSON (aftale med PLSP)?"

  @cp:DK-3.4.2.1
  Scenario: DK-3.4.2.1 De ufuldstændige historiske diagnoser tilføjes Diagnosekortet
    Then the GP's Diagnosekort view at step "3.4.2.1" shows the diagnoses on the card
    And the assessor judges MedCom's step "3.4.2.1": "Er de ufuldstændige diagnoser fra testdata (tabel 2) tilføjet testpatienten, eller er dokumentet for CPR 010605-9890 hentet?"

  @cp:DK-3.4.2.2
  Scenario: DK-3.4.2.2 Et gyldigt dokument dannes med ufuldstændige koder og tekster
    Then the document of step "3.4.2.2" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
    And in the documents of steps "3.4.2.2", the diagnoses on the card are shared, and nothing else

  @cp:DK-3.4.2.2-b
  Scenario: DK-3.4.2.2-b Ufuldstændige koder og tekster deles som registreret (intet slås op)
    Then in the documents of steps "3.4.2.2", every diagnosis carries its codes as registered
    And in the documents of steps "3.4.2.2", every diagnosis carries the diagnosetekst the protocol's rule gives

  @cp:DK-3.4.3.1
  Scenario: DK-3.4.3.1 Dokumentet fra trin 3.3.5.2 validerer
    Then the document of step "3.3.5.2" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
    And in the documents of steps "3.3.5.2", the document is structurally valid FHIR R4

  @cp:DK-3.4.3.2
  Scenario: DK-3.4.3.2 Bundle.id og Bundle.identifier er forskellige; identifier er en ny version 4 UUID
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", Bundle.id and Bundle.identifier are UUIDs, the identifier a version 4 UUID of its own
    And across the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", no Bundle.id or Bundle.identifier is used twice

  @cp:DK-3.4.3.3
  Scenario: DK-3.4.3.3 Bundle.type er document
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the Bundle has type document and the Composition first

  @cp:DK-3.4.3.4
  Scenario: DK-3.4.3.4 Første entry er Compositionen
    Then in the documents of steps "3.3.5.2", the Bundle has type document and the Composition first

  @cp:DK-3.4.3.5
  Scenario: DK-3.4.3.5 Composition.author:institution er en organisation med SOR-id
    Then in the documents of steps "3.3.1.5, 3.3.5.2", the author institution is an Organization with its SOR id

  @cp:DK-3.4.3.6
  Scenario: DK-3.4.3.6 Sektionen refererer én Condition pr. diagnose og kun Conditions
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the section lists each Condition exactly once, and only Conditions

  @cp:DK-3.4.3.7
  Scenario: DK-3.4.3.7 Composition.confidentiality er N
    Then in the document of step "3.3.5.2", "Composition.confidentiality" is "N"

  @cp:DK-3.4.3.8
  Scenario: DK-3.4.3.8 Composition.meta.profile angiver MedComConditionListComposition
    Then in the documents of steps "3.3.5.2", Composition.meta.profile names MedComConditionListComposition

  @cp:DK-3.4.3.9
  Scenario: DK-3.4.3.9 Composition.title er "Diagnoseoversigt for <CPR>"
    Then in the document of step "3.3.5.2", "Composition.title" is "Diagnoseoversigt for 2509479989"

  @cp:DK-3.4.3.10
  Scenario: DK-3.4.3.10 Composition.status er final
    Then in the document of step "3.3.5.2", "Composition.status" is "final"

  @cp:DK-3.4.3.11
  Scenario: DK-3.4.3.11 Composition.type er LOINC 11450-4 med visningstekst
    Then in the documents of steps "3.3.5.2", Composition.type is LOINC 11450-4 "Problem List"

  @cp:DK-3.4.3.12
  Scenario: DK-3.4.3.12 Composition.language er da
    Then in the document of step "3.3.5.2", "Composition.language" is "da"

  @cp:DK-3.4.3.13
  Scenario: DK-3.4.3.13 Composition.subject er testpatienten
    Then the document of step "3.3.5.2" has Composition.subject referring to the test patient's Patient

  @cp:DK-3.4.3.14
  Scenario: DK-3.4.3.14 Compositionen har en narrativ tekst
    Then in the documents of steps "3.3.5.2", the Composition has a narrative

  @cp:DK-3.4.3.15
  Scenario: DK-3.4.3.15 Alle ressourcer undtagen Bundle har narrativ tekst
    Then in the documents of steps "3.3.5.2", every resource except the Bundle has a narrative

  @cp:DK-3.4.3.16
  Scenario: DK-3.4.3.16 Patientens CPR-nummer er med korrekt (urn:oid:1.2.208.176.1.2, 10 cifre)
    Then the document of step "3.3.5.2" identifies the patient by the test patient's CPR only

  @cp:DK-3.4.3.17
  Scenario: DK-3.4.3.17 Patientens navn, køn og fødselsdato er med korrekt
    Then in the documents of steps "3.3.5.2", the Patient has its name, gender and birth date

  @cp:DK-3.4.3.18
  Scenario: DK-3.4.3.18 Composition.attester.mode er fra composition-attestation-mode
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every attester has a mode from composition-attestation-mode

  @cp:DK-CB-1
  Scenario: DK-CB-1 Bundle.timestamp og Composition.date er forskellige tidspunkter
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", Bundle.timestamp and Composition.date are different instants

  @cp:DK-CB-2
  Scenario: DK-CB-2 Bundle.timestamp er i dansk tid (+01:00 vinter, +02:00 sommer)
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", Bundle.timestamp is in Danish time

  @cp:DK-CB-3
  Scenario: DK-CB-3 Hver Condition.subject peger på dokumentets Patient
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every Condition.subject refers to the document's Patient

  @cp:DK-CB-4
  Scenario: DK-CB-4 Den narrative tekst er sikker (ingen script, formularer, hændelsesattributter)
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every narrative is safe XHTML

  @cp:DK-CB-5
  Scenario: DK-CB-5 Debutdato ligger ikke efter registreringsdatoen
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", no debutdato lies after the registreringsdato

  @cp:DK-CB-6
  Scenario: DK-CB-6 Afslutningsdato ligger ikke før debutdatoen
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", no afslutningsdato lies before the debutdato

  @cp:DK-CB-7
  Scenario: DK-CB-7 Condition.identifier, hvor den findes, er en UUID, som diagnosen beholder
    Then across the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2", Condition identifiers, where present, are UUIDs kept by the same diagnosis

  @cp:DK-CB-8
  Scenario: DK-CB-8 Conditionens narrative tekst viser diagnosen og ressourcens id
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every Condition narrative shows its diagnosis and names its id

  @cp:DK-CB-9
  Scenario: DK-CB-9 Dokumentet har ingen tomme JSON-elementer
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the document has no empty JSON element

  @cp:DK-CB-10
  Scenario: DK-CB-10 Hver kategori på en Condition har sin kode
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every category of a Condition has its code

  @cp:DK-CB-11
  Scenario: DK-CB-11 Narrativerne for Composition, Patient, Organization og Practitioner viser ressourcens id og hvem den er
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", every Composition, Patient, Organization and Practitioner narrative names its id and who it is
