@protocol:diagnosekort @usecase:S1-new
Feature: Diagnosekort S1-new: the GP system shares a new Diagnosekort

  The GP registers four forløbsdiagnoser for the test patient and selects them for the Diagnosekort. The GP
  system shares the Diagnosekort as a MedCom ConditionList document (FHIR document Bundle) through national
  document sharing, which certbench receives as an IHE MHD Provide Document Bundle. The document, the patient,
  each shared diagnosis (Condition) and the sharing metadata must reflect what the GP registered, and nothing
  that must stay local (tillægstekst) may be shared.

  Background:
    Given test patient "2509479989" has these diagnoses on the Diagnosekort:
      | ref          | SKS-D                                     | ICPC-2                             | diagnosetekst     | type            | status   | debut      | afslutning | tillægstekst             |
      | diabetes     | DE119 Type 2-diabetes uden komplikationer | T90 Diabetes type 2                | Type 2-diabetes   | forløbsdiagnose | aktuel   | 2019-03-14 |            |                          |
      | kol          | DJ449 Kronisk obstruktiv lungesygdom UNS  | R95 Kronisk obstruktiv lungesygdom | KOL               | forløbsdiagnose | aktuel   | 2021-09-02 |            | Bruger inhalator dagligt |
      | hypertension | DI109 Essentiel hypertension              | K86 Ukompliceret forhøjet blodtryk | Forhøjet blodtryk | forløbsdiagnose | aktuel   |            |            |                          |
      | depression   | DF329 Depressiv enkeltepisode UNS         | P76 Depression                     | Depression        | forløbsdiagnose | relevant | 2022-01-10 | 2023-06-30 |                          |
    When the GP system shares the Diagnosekort

  @cp:DK-3.3.1.1
  Scenario: The Diagnosekort is submitted as a Provide Document Bundle
    Then the Diagnosekort reaches national document sharing as a Provide Document Bundle

  @cp:DK-3.3.1.2
  Scenario: The submission carries the metadata and the document
    Then the submission carries one DocumentReference and the document as a Binary with matching size and hash

  @cp:DK-3.3.1.3
  Scenario: The document Bundle has type document and the Composition first
    Then the document is a Bundle of type "document" whose first entry is the Composition

  @cp:DK-3.3.1.4
  Scenario: Bundle.id is a UUID
    Then the document's Bundle.id is a UUID

  @cp:DK-3.3.1.5
  Scenario: Bundle.identifier is present with a UUID
    Then the document's Bundle.identifier has a system and a UUID value

  @cp:DK-3.3.1.6
  Scenario: Bundle.timestamp has seconds and the Danish offset
    Then the document's Bundle.timestamp has seconds and the Danish time zone offset

  @cp:DK-3.3.1.7
  Scenario: Bundle.timestamp is the assembly time, not Composition.date
    Then the document's Bundle.timestamp differs from Composition.date

  @cp:DK-3.3.1.8
  Scenario: The document is structurally valid FHIR R4
    Then the document is structurally valid FHIR R4

  @cp:DK-3.3.1.9
  Scenario: Composition.type is LOINC 11450-4
    Then in the document, "Composition.type" has the coding "http://loinc.org" "11450-4"

  @cp:DK-3.3.1.10
  Scenario: Composition.title names the patient's CPR
    Then in the document, "Composition.title" is "Diagnoseoversigt for 2509479989"

  @cp:DK-3.3.1.11
  Scenario: Composition.status is final
    Then in the document, "Composition.status" is "final"

  @cp:DK-3.3.1.12
  Scenario: Composition.confidentiality is N
    Then in the document, "Composition.confidentiality" is "N"

  @cp:DK-3.3.1.13
  Scenario: Composition.language is da
    Then in the document, "Composition.language" is "da"

  @cp:DK-3.3.1.14
  Scenario: Composition.date is the GP's last update
    Then Composition.date is the time of the GP's last change

  @cp:DK-3.3.1.15
  Scenario: The section lists the Conditions, each once
    Then the Composition section lists each Condition of the document exactly once

  @cp:DK-3.3.1.16
  Scenario: The author is the practice with its SOR id
    Then the Composition author is the practice, identified by its SOR id

  @cp:DK-3.3.1.17
  Scenario: The patient is identified by the test patient's CPR
    Then the document's Patient is identified by the CPR "2509479989"

  @cp:DK-3.3.1.18
  Scenario: No replacement CPR is shared
    Then the document's Patient carries no replacement CPR or other identifier

  @cp:DK-3.3.1.19
  Scenario: Every subject refers to the document's Patient
    Then Composition.subject and every Condition.subject refer to the document's Patient

  @cp:DK-3.3.1.20
  Scenario: Every registered diagnosis is shared with its codes
    Then every registered diagnosis is shared with its SKS-D and ICPC-2 codes

  @cp:DK-3.3.1.21
  Scenario: Every diagnosis carries its diagnosetekst
    Then every Condition has the registered diagnosetekst as code.text

  @cp:DK-3.3.1.22
  Scenario: recordedDate is the registration time
    Then every Condition's recordedDate is the time the diagnosis was registered

  @cp:DK-3.3.1.23
  Scenario: Every diagnosis has one status, as registered
    Then every Condition has exactly one diagnosis status, as registered

  @cp:DK-3.3.1.24
  Scenario: Forløbsdiagnoser are problem-list-items
    Then every Condition has the category type that was registered

  @cp:DK-3.3.1.25
  Scenario: Tillægstekst is not shared
    Then no tillægstekst is shared

  @cp:DK-3.3.1.26
  Scenario: Debutdato is not after registreringsdato
    Then no Condition has a debutdato after its registreringsdato

  @cp:DK-3.3.1.27
  Scenario: An ended diagnosis ends after it began
    Then every ended diagnosis has its afslutningsdato after its debutdato, as registered

  @cp:DK-3.3.1.28
  Scenario: Every diagnosis has a globally unique identifier
    Then every Condition has a globally unique identifier

  @cp:DK-3.3.1.29
  Scenario: Every resource has a narrative
    Then every resource in the document except the Bundle has a narrative

  @cp:DK-3.3.1.30
  Scenario: The narrative is safe
    Then every narrative in the document is safe XHTML

  @cp:DK-3.3.1.31
  Scenario: The document validates against the MedCom ConditionList profile
    Then the document conforms to the profile "http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle" of the FHIR package "medcom.fhir.dk.conditionlist#1.0.1"

  @cp:DK-3.4.1
  Scenario: Metadata typeCode is LOINC 11450-4
    Then in the sharing metadata, "DocumentReference.type" has the coding "urn:oid:2.16.840.1.113883.6.1" "11450-4"

  @cp:DK-3.4.2
  Scenario: Metadata classCode is 001 Klinisk rapport
    Then in the sharing metadata, "DocumentReference.category" has the coding "urn:oid:1.2.208.184.100.9" "001"

  @cp:DK-3.4.3
  Scenario: Metadata formatCode is the ConditionList format
    Then in the sharing metadata, "DocumentReference.content.format" has the coding "urn:oid:1.2.208.184.100.10" "urn:ad:dk:medcom:plr-v1.0:full"

  @cp:DK-3.4.4
  Scenario: Metadata facility type and practice setting are general practice
    Then in the sharing metadata, "DocumentReference.context.facilityType" has the coding "urn:oid:2.16.840.1.113883.6.96" "394761003"
    And in the sharing metadata, "DocumentReference.context.practiceSetting" has the coding "urn:oid:2.16.840.1.113883.6.96" "408443003"

  @cp:DK-3.4.5
  Scenario: Metadata confidentiality is N and language is da
    Then in the sharing metadata, "DocumentReference.securityLabel" has the coding "urn:oid:2.16.840.1.113883.5.25" "N"
    And in the sharing metadata, "DocumentReference.content.attachment.language" is "da"

  @cp:DK-3.4.6
  Scenario: Metadata mimeType is application/fhir+json
    Then in the sharing metadata, "DocumentReference.content.attachment.contentType" is "application/fhir+json"

  @cp:DK-3.4.7
  Scenario: Metadata homeCommunityId is the common Danish XDS domain
    Then the sharing metadata names the home community "1.2.208.176.8.1"

  @cp:DK-3.4.8
  Scenario: Metadata masterIdentifier is the document identifier
    Then the sharing metadata's masterIdentifier is the document's Bundle.identifier

  @cp:DK-3.4.9
  Scenario: Metadata identifies the same patient
    Then the sharing metadata identifies the patient by the CPR "2509479989"

  @cp:DK-3.3.1.32
  Scenario: The GP sees the Diagnosekort as it was shared
    Then the GP's Diagnosekort view shows the diagnoses on the card
    And the assessor judges "Viser systemets Diagnosekort de fire valgte diagnoser med diagnosetekst, koder og status som registreret?" / "Does the system's Diagnosekort view show the four selected diagnoses with text, codes and status as registered?"
