@protocol:diagnosekort @usecase:XDS
Feature: Diagnosekort XDS: Deling via national dokumentdeling: IHE MHD og XDS-metadata (certbench's own: MedCom's XDS metadata test protocol is not public)

  MedCom's ConditionList send test protocol 1.0.2. The Background runs the protocol's whole
  flow once for the test patient (two clinics, S1(1)-S1(7), the incomplete diagnoses of 3.4.2); each scenario judges
  the documents and views of the official steps it names.

  Background:
    Given MedCom's ConditionList send flow (test protocol 1.0.2) for test patient "2509479989"

  @cp:DK-MHD-1
  Scenario: DK-MHD-1 Diagnosekortet indsendes som IHE MHD Provide Document Bundle
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the submission is an IHE MHD Provide Document Bundle

  @cp:DK-MHD-2
  Scenario: DK-MHD-2 Transaktionen bærer én DocumentReference og dokumentet som Binary med korrekt størrelse og hash
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the submission carries one DocumentReference and the document as a Binary of matching size and hash

  @cp:DK-XDS-1
  Scenario: DK-XDS-1 Metadata typeCode er LOINC 11450-4
    Then in the sharing metadata of step "3.3.5.2", "DocumentReference.type" has the coding "urn:oid:2.16.840.1.113883.6.1" "11450-4"

  @cp:DK-XDS-2
  Scenario: DK-XDS-2 Metadata classCode er 001 Klinisk rapport
    Then in the sharing metadata of step "3.3.5.2", "DocumentReference.category" has the coding "urn:oid:1.2.208.184.100.9" "001"

  @cp:DK-XDS-3
  Scenario: DK-XDS-3 Metadata formatCode er urn:ad:dk:medcom:plr-v1.0:full
    Then in the sharing metadata of step "3.3.5.2", "DocumentReference.content.format" has the coding "urn:oid:1.2.208.184.100.10" "urn:ad:dk:medcom:plr-v1.0:full"

  @cp:DK-XDS-4
  Scenario: DK-XDS-4 Metadata healthcareFacilityType 394761003 og practiceSetting 408443003
    Then in the sharing metadata of step "3.3.5.2", "DocumentReference.context.facilityType" has the coding "urn:oid:2.16.840.1.113883.6.96" "394761003"
    And in the sharing metadata of step "3.3.5.2", "DocumentReference.context.practiceSetting" has the coding "urn:oid:2.16.840.1.113883.6.96" "408443003"

  @cp:DK-XDS-5
  Scenario: DK-XDS-5 Metadata fortrolighed N og sprog da
    Then in the sharing metadata of step "3.3.5.2", "DocumentReference.securityLabel" has the coding "urn:oid:2.16.840.1.113883.5.25" "N"
    And in the sharing metadata of step "3.3.5.2", "DocumentReference.content.attachment.language" is "da"

  @cp:DK-XDS-6
  Scenario: DK-XDS-6 Metadata homeCommunityId er 1.2.208.176.8.1
    Then the sharing metadata of step "3.3.5.2" names the home community "1.2.208.176.8.1"

  @cp:DK-XDS-7
  Scenario: DK-XDS-7 Metadata masterIdentifier er dokumentets Bundle.identifier
    Then in the documents of steps "3.3.1.3, 3.3.1.5, 3.3.2.2, 3.3.3.3, 3.3.4.2, 3.3.5.2, 3.3.6.2, 3.4.2.2", the metadata masterIdentifier is the Bundle.identifier

  @cp:DK-XDS-8
  Scenario: DK-XDS-8 Metadata angiver samme patient (CPR) som dokumentet
    Then the sharing metadata of step "3.3.5.2" identifies the test patient's CPR

  @cp:DK-XDS-9
  Scenario: DK-XDS-9 Et nyt dokument erstatter det forrige (relatesTo replaces)
    Then the sharing metadata of step "3.3.2.2" replaces the one of step "3.3.1.5"
    And the sharing metadata of step "3.3.3.3" replaces the one of step "3.3.2.2"
    And the sharing metadata of step "3.3.4.2" replaces the one of step "3.3.3.3"
    And the sharing metadata of step "3.3.5.2" replaces the one of step "3.3.4.2"
    And the sharing metadata of step "3.3.6.2" replaces the one of step "3.3.5.2"

  @cp:DK-XDS-10
  Scenario: DK-XDS-10 Metadata (DocumentReference) validerer mod MedComConditionListDocumentReference
    Then the sharing metadata of step "3.3.1.3" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-documentreference" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
    And the sharing metadata of step "3.3.1.5" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-documentreference" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
    And the sharing metadata of step "3.3.5.2" conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-documentreference" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"
