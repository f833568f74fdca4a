@protocol:kommunale-proevesvar @usecase:R.TECH
Feature: Kommunale prøvesvar, certbench's own checks: the EHMI SBDH envelope and the large message

  Not steps of MedCom's receive protocol 1.2.1; kept from certbench 1.1.0: the EHMI SBDH envelope (and one that
  contradicts its message), and the large TestScript example 3.4.5 with 9 results and 2 images.

  @cp:KP-CB-1
  Scenario: The large message
    Given the acute-care team sends "stor": MedCom's test example "3.4.5"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "stor" is acknowledged with "ok"
    And every result and attachment of the large message "stor" is kept
    And the assessor judges "Alle 9 resultater og begge billeder er modtaget" / "All 9 results and both images are received"

  @cp:KP-SBDH-1
  Scenario: A message in an EHMI SBDH envelope
    Given the acute-care team sends "kuvert": MedCom's test example "Test example 1" in an EHMI SBDH envelope
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "kuvert" is acknowledged with "ok"
    And the report "kuvert" is filed in the inbox once
    And the assessor judges "Beskeden i SBDH-kuverten er modtaget og kvitteret" / "The message in the SBDH envelope is received and acknowledged"

  @cp:KP-SBDH-2
  Scenario: An envelope that contradicts its message
    Given the acute-care team sends "forkert kuvert": MedCom's test example "Test example 1" in an EHMI SBDH envelope whose Sender and Receiver contradict the message
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the envelope of "forkert kuvert" is refused and nothing of it is stored
    And the assessor judges "Kuverten er afvist, og beskeden ses ikke i systemet" / "The envelope is refused and the message is not in the system"

  @cp:KP-SBDH-3
  Scenario: Each envelope field that contradicts the message is refused on its own
    Given the acute-care team sends "forkert afsender": MedCom's test example "Test example 1" in an EHMI SBDH envelope whose Sender alone contradicts the message
    And the acute-care team sends "forkert modtager": MedCom's test example "Test example 1" in an EHMI SBDH envelope whose Receiver alone contradicts the message
    And the acute-care team sends "forkert besked-id": MedCom's test example "Test example 1" in an EHMI SBDH envelope whose MESSAGEIDENTIFIER alone contradicts the message
    And the acute-care team sends "forkert kuvert-id": MedCom's test example "Test example 1" in an EHMI SBDH envelope whose MESSAGEENVELOPEIDENTIFIER alone contradicts the message
    And the acute-care team sends "andre former i kuvert": MedCom's test example "R1-3.3.1.1" in the other valid shapes of its fields, in an EHMI SBDH envelope
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the envelope of "forkert afsender" is refused and nothing of it is stored
    And the envelope of "forkert modtager" is refused and nothing of it is stored
    And the envelope of "forkert besked-id" is refused and nothing of it is stored
    And the envelope of "forkert kuvert-id" is refused and nothing of it is stored
    And "andre former i kuvert" is acknowledged with "ok"
    And the assessor judges "Hver af de fire kuverter er afvist, og ingen af beskederne ses i systemet; kuverten hvis Sender er afsenderen, mens producenten er en anden organisation, er modtaget" / "Each of the four envelopes is refused and none of the messages is in the system; the envelope whose Sender is the sender, while the producer is another organisation, is accepted"

  @cp:KP-SBDH-4
  Scenario: An envelope whose BinaryContent is broken into lines
    Given the acute-care team sends "linjer": MedCom's test example "Test example 1" in an EHMI SBDH envelope whose BinaryContent is broken into lines of 76 characters
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "linjer" is acknowledged with "ok"
    And the report "linjer" is filed in the inbox once
    And the assessor judges "Beskeden med base64 i linjer af 76 tegn er modtaget og kvitteret" / "The message with its base64 in lines of 76 characters is received and acknowledged"
