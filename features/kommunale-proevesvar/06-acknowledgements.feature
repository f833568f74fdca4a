@protocol:kommunale-proevesvar @usecase:R.ACK
Feature: Kommunale prøvesvar, certbench's own checks: acknowledgement content, invalid messages and duplicates

  Not steps of MedCom's receive protocol 1.2.1 (MedCom approves acknowledgements with its own Acknowledgement test
  protocol, a prerequisite of this one): certbench keeps them because a receiver that acknowledges wrongly breaks
  the sender's reliable messaging. The rules are src/rules/acknowledgement/ack-rules.ts.

  @cp:KP-ACK-1
  Scenario: The acknowledgement's Provenance
    Given the acute-care team sends "eksempel 1": MedCom's test example "Test example 1"
    Then the acknowledgement of "eksempel 1" carries a Provenance that names the acknowledged message
    And the assessor judges "Kvitteringens Provenance har activity acknowledgement og peger på beskeden" / "The acknowledgement's Provenance has activity acknowledgement and names the message"

  @cp:KP-ACK-2
  Scenario: A result over 12 characters is rejected
    Given the acute-care team sends "for lang": MedCom's test example "Test example 1" with a result over 12 characters
    Then "for lang" is acknowledged with "fatal-error"
    And the assessor judges "Beskeden er afvist med en negativ kvittering (fatal-error)" / "The message is rejected with a negative acknowledgement (fatal-error)"

  @cp:KP-ACK-3
  Scenario: A message with a broken reference is rejected
    Given the acute-care team sends "brudt reference": MedCom's test example "Test example 1" whose report names a result that is not in the message
    Then "brudt reference" is acknowledged with "fatal-error"
    And the assessor judges "Beskeden er afvist med en negativ kvittering (fatal-error)" / "The message is rejected with a negative acknowledgement (fatal-error)"

  @cp:KP-ACK-4
  Scenario: Nothing of a rejected message is stored
    Given the acute-care team sends "for lang": MedCom's test example "Test example 1" with a result over 12 characters
    And the acute-care team sends "brudt reference": MedCom's test example "Test example 1" whose report names a result that is not in the message
    And the acute-care team sends "gyldig": MedCom's test example "Test example 1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then nothing of "for lang" or "brudt reference" is stored or shown, while "gyldig" is
    And the assessor judges "De afviste beskeder ses ikke i systemet; den gyldige gør" / "The rejected messages are not in the system; the valid one is"

  @cp:KP-ACK-5
  Scenario: A duplicate is not shown twice
    Given the acute-care team sends "første": MedCom's test example "Test example 1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    And the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "første" is shown once only, its results once in the laboratory chart
    And the assessor judges "Prøvesvaret vises kun én gang" / "The report is shown once only"

  @cp:KP-ACK-6
  Scenario: A duplicate gets the same acknowledgement
    Given the acute-care team sends "første": MedCom's test example "Test example 1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    Then the acknowledgement of "gensendt" has the same content as that of "første"
    And the assessor judges "Gensendelsen er kvitteret med samme indhold som første gang" / "The resend is acknowledged with the same content as the first time"

  @cp:KP-ACK-7
  Scenario: A Bundle that is not a message, or a message whose MessageHeader has no id, is refused
    Given the acute-care team sends "samling": MedCom's test example "Test example 1" as a Bundle of type collection
    And the acute-care team sends "uden id": MedCom's test example "Test example 1" whose MessageHeader has no id
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the message "samling" is refused and nothing of it is stored
    And the message "uden id" is refused and nothing of it is stored
    And the assessor judges "Bundlen af typen collection og beskeden uden MessageHeader.id er afvist og ses ikke i systemet" / "The Bundle of type collection and the message without MessageHeader.id are refused and are not in the system"

  @cp:KP-ACK-8
  Scenario: A message of another event is refused
    Given the acute-care team sends "anden hændelse": MedCom's test example "Test example 1" under another event code
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the message "anden hændelse" is refused and nothing of it is stored
    And the assessor judges "Beskeden med hændelsen care-communication-message er afvist og ses ikke i systemet" / "The message with event care-communication-message is refused and is not in the system"

  @cp:KP-ACK-9
  Scenario: A Provenance activity outside the HomeCareObservation activities is refused, reply-message is accepted
    Given the acute-care team sends "videresendt": MedCom's test example "Test example 1" with a Provenance activity outside the HomeCareObservation activities
    And the acute-care team sends "svar": MedCom's test example "Test example 1" as a reply with the Provenance activity reply-message
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the message "videresendt" is refused and nothing of it is stored
    And "svar" is acknowledged with "ok"
    And the report "svar" is filed in the inbox once
    And the assessor judges "Beskeden med aktiviteten forward-message er afvist og ses ikke i systemet; svaret (reply-message) er modtaget" / "The message with activity forward-message is refused and is not in the system; the reply (reply-message) is received"

  @cp:KP-ACK-10
  Scenario: A result of exactly 12 characters is accepted
    Given the acute-care team sends "12 tegn": MedCom's test example "Test example 1" with a result of exactly 12 characters written with a comparator
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "12 tegn" is acknowledged with "ok"
    And the report "12 tegn" shows every result with value and unit, marked not reference-evaluated
    And the assessor judges "Resultatet >33.300000001 (12 tegn og en komparator) er modtaget og vises" / "The result >33.300000001 (12 characters and a comparator) is received and shown"

  @cp:KP-ACK-11
  Scenario: Deliveries that cannot be read are refused, not answered with a server error
    Given the acute-care team sends "halv JSON": MedCom's test example "Test example 1" as a delivery that cannot be read: "JSON cut short"
    And the acute-care team sends "JSON-liste": MedCom's test example "Test example 1" as a delivery that cannot be read: "a JSON array"
    And the acute-care team sends "JSON null": MedCom's test example "Test example 1" as a delivery that cannot be read: "JSON null"
    And the acute-care team sends "JSON-tekst": MedCom's test example "Test example 1" as a delivery that cannot be read: "the message as a JSON string"
    And the acute-care team sends "halv XML": MedCom's test example "Test example 1" as a delivery that cannot be read: "FHIR XML cut short"
    And the acute-care team sends "skæv XML": MedCom's test example "Test example 1" as a delivery that cannot be read: "FHIR XML with a mismatched closing tag"
    And the acute-care team sends "halv kuvert": MedCom's test example "Test example 1" as a delivery that cannot be read: "an SBDH cut short"
    And the acute-care team sends "kuvert uden version": MedCom's test example "Test example 1" as a delivery that cannot be read: "an SBDH without HeaderVersion"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the message "halv JSON" is refused and nothing of it is stored
    And the message "JSON-liste" is refused and nothing of it is stored
    And the message "JSON null" is refused and nothing of it is stored
    And the message "JSON-tekst" is refused and nothing of it is stored
    And the message "halv XML" is refused and nothing of it is stored
    And the message "skæv XML" is refused and nothing of it is stored
    And the message "halv kuvert" is refused and nothing of it is stored
    And the message "kuvert uden version" is refused and nothing of it is stored
    And the assessor judges "De otte ulæselige leverancer er afvist uden serverfejl, og intet af dem ses i systemet" / "The eight unreadable deliveries are refused without a server error, and nothing of them is in the system"
