@protocol:acknowledgement-send
Feature: Acknowledgement 3.3.1 (send protocol 2.0.2): create and send AA and AE

  certbench plays the sender of MedCom's HomeCareObservation test examples and the sender's message handler that
  receives the acknowledgements. The deliveries are those of kommunale-proevesvar (KP-ACK-1, KP-ACK-2): a system that
  claims both protocols receives them once.

  @cp:ACK-3.3.1.1 @usecase:R.TC2
  Scenario: 3.3.1.1 a valid message is loaded and acknowledged
    Given the acute-care team sends "eksempel 1": MedCom's test example "Test example 1"
    Then the SUT sends an acknowledgement "ok" of "eksempel 1"
    And the assessor judges MedCom's step "3.3.1.1": "Den gyldige MedCom FHIR-besked (testeksempel 1) er valideret positivt og indlæst korrekt"

  @cp:ACK-3.3.1.2 @usecase:R.TC2
  Scenario: 3.3.1.2 a positive acknowledgement AA has been created
    Given the acute-care team sends "eksempel 1": MedCom's test example "Test example 1"
    Then the acknowledgement "ok" of "eksempel 1" is a MedCom acknowledgement that conforms to its profile
    And the assessor judges MedCom's step "3.3.1.2": "Vis at systemet har dannet en positiv kvittering [ACK AA] for testeksempel 1"

  @cp:ACK-3.3.1.3 @usecase:R.TC3
  Scenario: 3.3.1.3 the AA has been sent
    Given the acute-care team sends "eksempel 1": MedCom's test example "Test example 1"
    Then the acknowledgement "ok" of "eksempel 1" is a message of its own that reached the sender's message handler
    And the assessor judges MedCom's step "3.3.1.3": "Vis at systemet har sendt kvitteringen [ACK AA]"

  @cp:ACK-3.3.1.4 @usecase:R.TC2
  Scenario: 3.3.1.4 an invalid message is loaded
    Given the acute-care team sends "for lang": MedCom's test example "Test example 1" with a result over 12 characters
    Then the SUT sends an acknowledgement "fatal-error" of "for lang"
    And the assessor judges MedCom's step "3.3.1.4": "Den ugyldige besked (testeksempel 1 med et resultat over 12 tegn) er indlæst og ikke godtaget"

  @cp:ACK-3.3.1.5 @usecase:R.TC2
  Scenario: 3.3.1.5 a negative acknowledgement AE has been created
    Given the acute-care team sends "for lang": MedCom's test example "Test example 1" with a result over 12 characters
    Then the acknowledgement "fatal-error" of "for lang" is a MedCom acknowledgement that conforms to its profile
    And the assessor judges MedCom's step "3.3.1.5": "Vis at systemet har dannet en negativ kvittering [ACK AE] med OperationOutcome"

  @cp:ACK-3.3.1.6 @usecase:R.TC3
  Scenario: 3.3.1.6 the AE has been sent
    Given the acute-care team sends "for lang": MedCom's test example "Test example 1" with a result over 12 characters
    Then the acknowledgement "fatal-error" of "for lang" is a message of its own that reached the sender's message handler
    And the assessor judges MedCom's step "3.3.1.6": "Vis at systemet har sendt kvitteringen [ACK AE]"
