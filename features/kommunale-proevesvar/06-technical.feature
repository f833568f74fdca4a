@protocol:kommunale-proevesvar @usecase:R.TECH
Feature: Kommunale prøvesvar 3.4: replacement CPR, the 12-character limit, invalid content, size and the SBDH envelope

  MedCom's technical requirements: a patient with only a replacement CPR (test example 3.4.1), results of at most
  12 characters, messages whose references resolve, the large message 3.4.5, and the EHMI SBDH envelope.

  @cp:KP-3.4.1
  Scenario: A patient with a replacement CPR (X-eCPR)
    Given the acute-care team sends "e-cpr": MedCom's test example "3.4.1"
    When the GP opens the received prøvesvar and the laboratory chart of "0703921VJ5"
    Then "e-cpr" is acknowledged with "ok"
    And the patient of "e-cpr" is shown with the X-eCPR "0703921VJ5" and the name "Peter Hansen"
    And the assessor judges "Prøvesvaret vises på Peter Hansen med erstatnings-CPR 0703921VJ5" / "The report is shown for Peter Hansen with replacement CPR 0703921VJ5"

  @cp:KP-3.4.2
  Scenario: A result over 12 characters is rejected
    Given the acute-care team sends "for lang": MedCom's test example "R1-3.3.1.1" with a result over 12 characters
    Then "for lang" is acknowledged with "fatal-error"
    And the assessor judges "Beskeden er afvist med en negativ kvittering (fatal-error)" / "The message is rejected with a negative acknowledgement (fatal-error)"

  @cp:KP-3.4.3
  Scenario: A message with a broken reference is rejected
    Given the acute-care team sends "brudt reference": MedCom's test example "R1-3.3.1.1" whose report names a result that is not in the message
    Then "brudt reference" is acknowledged with "fatal-error"
    And the assessor judges "Beskeden er afvist med en negativ kvittering (fatal-error)" / "The message is rejected with a negative acknowledgement (fatal-error)"

  @cp:KP-3.4.4
  Scenario: Nothing of a rejected message is stored
    Given the acute-care team sends "for lang": MedCom's test example "R1-3.3.1.1" with a result over 12 characters
    And the acute-care team sends "brudt reference": MedCom's test example "R1-3.3.1.1" whose report names a result that is not in the message
    And the acute-care team sends "gyldig": MedCom's test example "R1-3.3.1.1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then nothing of "for lang" or "brudt reference" is stored or shown, while "gyldig" is
    And the assessor judges "De afviste beskeder ses ikke i systemet; den gyldige gør" / "The rejected messages are not in the system; the valid one is"

  @cp:KP-3.4.5
  Scenario: The large message
    Given the acute-care team sends "stor": MedCom's test example "3.4.5"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "stor" is acknowledged with "ok"
    And every result and attachment of the large message "stor" is kept
    And the assessor judges "Alle 9 resultater og begge billeder er modtaget" / "All 9 results and both images are received"

  @cp:KP-3.4.6
  Scenario: A message in an EHMI SBDH envelope
    Given the acute-care team sends "kuvert": MedCom's test example "R1-3.3.1.1" in an EHMI SBDH envelope
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "kuvert" is acknowledged with "ok"
    And the report "kuvert" is filed in the inbox once
    And the assessor judges "Beskeden i SBDH-kuverten er modtaget og kvitteret" / "The message in the SBDH envelope is received and acknowledged"

  @cp:KP-3.4.7
  Scenario: An envelope that contradicts its message
    Given the acute-care team sends "forkert kuvert": MedCom's test example "R1-3.3.1.1" in an EHMI SBDH envelope whose Sender and Receiver contradict the message
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the envelope of "forkert kuvert" is refused and nothing of it is stored
    And the assessor judges "Kuverten er afvist, og beskeden ses ikke i systemet" / "The envelope is refused and the message is not in the system"
