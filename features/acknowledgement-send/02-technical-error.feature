@protocol:acknowledgement-send
Feature: Acknowledgement 3.3.1.7-3.3.1.9 (send protocol 2.0.2): AR on a technical error, and after it is resolved

  The technical error is simulated through the automation action messaging.simulate-technical-error; a SUT that
  cannot simulate one says so, and the vendor's explanation (ACK-3.3.1.7-b) is judged by the assessor. After the AR
  certbench resends the message, as a sender does, once the error is resolved.

  @cp:ACK-3.3.1.7 @usecase:R.TC2
  Scenario: 3.3.1.7 a technical error gives an AR
    Given the GP system has a technical error (messaging.simulate-technical-error)
    And the acute-care team sends "teknisk fejl": MedCom's test example "Test example 2"
    When the technical error is resolved (messaging.resolve-technical-error)
    And the team resends "teknisk fejl" as "efter fejlen", as a sender does after an acknowledgement AR
    Then the acknowledgement "transient-error" of "teknisk fejl" is a MedCom acknowledgement that conforms to its profile
    And the assessor judges MedCom's step "3.3.1.7": "Systemet har dannet en kvittering [ACK AR] for testeksempel 2 under den tekniske fejl"

  @cp:ACK-3.3.1.7-b @usecase:R.TC2
  Scenario: 3.3.1.7 how the system handles an AR
    Then the assessor judges MedCom's step "3.3.1.7": "Leverandøren har forklaret, hvordan systemet håndterer en kvittering af typen [ACK AR]"

  @cp:ACK-3.3.1.8 @usecase:R.TC3
  Scenario: 3.3.1.8 the AR has been sent
    Given the GP system has a technical error (messaging.simulate-technical-error)
    And the acute-care team sends "teknisk fejl": MedCom's test example "Test example 2"
    When the technical error is resolved (messaging.resolve-technical-error)
    And the team resends "teknisk fejl" as "efter fejlen", as a sender does after an acknowledgement AR
    Then the acknowledgement "transient-error" of "teknisk fejl" is a message of its own that reached the sender's message handler
    And the assessor judges MedCom's step "3.3.1.8": "Vis at systemet har sendt kvitteringen [ACK AR]"

  @cp:ACK-3.3.1.9 @usecase:R.TC3
  Scenario: 3.3.1.9 once the error is resolved, the message is acknowledged after its validation
    Given the GP system has a technical error (messaging.simulate-technical-error)
    And the acute-care team sends "teknisk fejl": MedCom's test example "Test example 2"
    When the technical error is resolved (messaging.resolve-technical-error)
    And the team resends "teknisk fejl" as "efter fejlen", as a sender does after an acknowledgement AR
    Then the SUT sends an acknowledgement "ok" of "efter fejlen"
    And the acknowledgement "ok" of "efter fejlen" is a message of its own that reached the sender's message handler
    And the assessor judges MedCom's step "3.3.1.9": "Efter at fejlen er rettet, er beskeden indlæst, og der er dannet og sendt en kvittering [ACK AA]"
