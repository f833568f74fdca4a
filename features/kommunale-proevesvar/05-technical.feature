@protocol:kommunale-proevesvar @usecase:R.TECH
Feature: Kommunale prøvesvar 3.3 (receive protocol 1.2.1): E-cpr, terminology, loading, XML and JSON

  MedCom's general technical requirements: test example 3 for a patient with a replacement CPR (E-cpr), the
  vendor's explanations of terminology and of how FHIR messages are loaded, and test example 4 as JSON and XML.

  @cp:KP-3.3.1
  Scenario: 3.3.1 a patient with an E-cpr (test example 3)
    Given the acute-care team sends "e-cpr": MedCom's test example "Test example 3"
    When the GP opens the received prøvesvar and the laboratory chart of "0703921VJ5"
    Then "e-cpr" is acknowledged with "ok"
    And the patient of "e-cpr" is shown with the X-eCPR "0703921VJ5" and the name "Peter Hansen"
    And the assessor judges "Prøvesvaret med E-cpr er modtaget og vises på Peter Hansen (0703921VJ5)" / "A HomeCareObservation, with an E-cpr, has been received."

  @cp:KP-3.3.1-b
  Scenario: 3.3.1 the steps 3.2.1.3–3.2.1.11 for the E-cpr patient
    Given the acute-care team sends "e-cpr": MedCom's test example "Test example 3"
    When the GP opens the received prøvesvar and the laboratory chart of "0703921VJ5"
    Then the GP is notified of the new report "e-cpr"
    And the report "e-cpr" shows every result with value and unit, marked not reference-evaluated
    And the laboratory chart holds every result of "e-cpr" with its code, long name, value, unit, sampling time and marked not reference-evaluated
    And the assessor judges "Trin 3.2.1.3–3.2.1.11 er gennemført for prøvesvaret med E-cpr" / "The test steps 3.2.1.3-3.2.1.11  has been completed and a HomeCareObservation, with an E-cpr, has been received."

  @cp:KP-3.3.2
  Scenario: 3.3.2 how terminology from MedCom's terminology server is used
    Then the assessor judges "Leverandøren har forklaret, hvordan systemet bruger terminologi fra MedComs terminologiserver" / "Explain how SUT uses terminology from MedCom’s terminology server."

  @cp:KP-3.3.3
  Scenario: 3.3.3 how terminology is updated
    Then the assessor judges "Leverandøren har forklaret, hvordan terminologien (fx analysekortnavne) opdateres" / "Explain how terminology in SUT is updated. For example, if the list of analysis short names is updated."

  @cp:KP-3.3.4
  Scenario: 3.3.4 how FHIR messages are loaded
    Then the assessor judges "Leverandøren har beskrevet, hvordan FHIR-beskeder indlæses (mapning til internt format eller lokal FHIR-infrastruktur)" / "Describe how FHIR-messages are loaded into SUT. For example: How is data loaded into SUT – via mapping to internal format or to local FHIR infrastructure?"

  @cp:KP-3.3.5
  Scenario: 3.3.5 test example 4 as JSON
    Given the acute-care team sends "json": MedCom's test example "Test example 4"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "json" is acknowledged with "ok"
    And the laboratory chart holds every result of "json" with its code, long name, value, unit, sampling time and marked not reference-evaluated
    And the assessor judges "Testeksempel 4 i JSON er indlæst korrekt" / "SUT loads correctly test files with a HomeCareObservation"

  @cp:KP-3.3.5-b
  Scenario: 3.3.5 test example 4 as XML
    Given the acute-care team sends "xml": MedCom's test example "Test example 4" as FHIR XML
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "xml" is acknowledged with "ok"
    And the laboratory chart holds every result of "xml" with its code, long name, value, unit, sampling time and marked not reference-evaluated
    And the assessor judges "Testeksempel 4 i XML er indlæst korrekt" / "Load the test file with HomeCareObservation in XML format. SUT loads correctly test files with a HomeCareObservation"
