@protocol:acknowledgement-send @usecase:R.TECH
Feature: Acknowledgement 3.4 (send protocol 2.0.2): duplicates, resent acknowledgements, times, envelope, overview

  The duplicate is test example 1 delivered again with the same MessageHeader.id in a new Bundle (the delivery of
  kommunale-proevesvar KP-ACK-6). For the times, the SUT holds the acknowledgement it created and sends it a little
  over a second later when certbench asks (messaging.hold-acknowledgements, messaging.release-acknowledgements).
  The envelope is the VANSEnvelope (variant message), or the EHMI SBDH where the SUT is on EHMI (variant ehmi).

  @cp:ACK-3.4.1
  Scenario: 3.4.1 the duplicate is loaded
    Given the acute-care team sends "første": MedCom's test example "Test example 1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    Then the acknowledgement "ok" of "gensendt" is a message of its own that reached the sender's message handler
    And the assessor judges MedCom's step "3.4.1": "Testeksempel 1 fra trin 3.3.1.1 er indlæst igen"

  @cp:ACK-3.4.2
  Scenario: 3.4.2 the duplicate is answered as the first time: AA again
    Given the acute-care team sends "første": MedCom's test example "Test example 1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    Then the SUT sends an acknowledgement "ok" of "første"
    And the SUT sends an acknowledgement "ok" of "gensendt"
    And the assessor judges MedCom's step "3.4.2": "Leverandøren har vist, hvordan systemet håndterer en dublet: [ACK AA] er sendt igen"

  @cp:ACK-3.4.3
  Scenario: 3.4.3 the acknowledgement of the duplicate has the same content
    Given the acute-care team sends "første": MedCom's test example "Test example 1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    Then the acknowledgement of the duplicate "gensendt" has the content of the acknowledgement of "første"
    And the assessor judges MedCom's step "3.4.3": "Kvitteringen på dubletten har samme indhold som den første kvittering"

  @cp:ACK-3.4.4
  Scenario: 3.4.4 the resent acknowledgement has a new Bundle.id
    Given the acute-care team sends "første": MedCom's test example "Test example 1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    Then the acknowledgement of the duplicate "gensendt" has another Bundle.id than that of "første"
    And the assessor judges MedCom's step "3.4.4": "Bundle.id er ændret i den gensendte kvittering"

  @cp:ACK-3.4.5
  Scenario: 3.4.5 Bundle.timestamp is the time of creation
    Given the GP system holds its outgoing acknowledgements (messaging.hold-acknowledgements)
    And the acute-care team sends "tidspunkter": MedCom's test example "Test example 1"
    When a while later the GP system sends the held acknowledgements (messaging.release-acknowledgements)
    Then the Bundle.timestamp of the acknowledgement of "tidspunkter" is the time it was created
    And the assessor judges MedCom's step "3.4.5": "Bundle.timestamp viser tidspunktet, hvor kvitteringen blev dannet"

  @cp:ACK-3.4.6
  Scenario: 3.4.6 the Provenance times are the time of sending
    Given the GP system holds its outgoing acknowledgements (messaging.hold-acknowledgements)
    And the acute-care team sends "tidspunkter": MedCom's test example "Test example 1"
    When a while later the GP system sends the held acknowledgements (messaging.release-acknowledgements)
    Then the Provenance times of the acknowledgement of "tidspunkter" are the time it was sent
    And the assessor judges MedCom's step "3.4.6": "Provenance.occurredDateTime og Provenance.recorded viser afsendelsestidspunktet, ikke dannelsestidspunktet"

  @cp:ACK-3.4.7
  Scenario: 3.4.7 the times are new when the acknowledgement is resent
    Given the acute-care team sends "første": MedCom's test example "Test example 1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    Then the acknowledgement of the duplicate "gensendt" has later times than that of "første"
    And the assessor judges MedCom's step "3.4.7": "Bundle.timestamp, Provenance.occurredDateTime og Provenance.recorded er ændret i den gensendte kvittering"

  @cp:ACK-3.4.8
  Scenario: 3.4.8 the acknowledgement is embedded in a VANSEnvelope (on EHMI: in its SBDH)
    Given the acute-care team sends "eksempel 1": MedCom's test example "Test example 1"
    Then the acknowledgement "ok" of "eksempel 1" is embedded in its network envelope named with its type
    And the assessor judges MedCom's step "3.4.8": "Kvitteringen er indlejret korrekt i en VANSEnvelope med Format, Name (med postfix for kvitteringstypen) og Version"

  @cp:ACK-3.4.9
  Scenario: 3.4.9 an overview of sent acknowledgements
    Given the acute-care team sends "oversigt": MedCom's test example "Test example 1"
    When the GP opens the overview of sent acknowledgements for "2509479989"
    Then the overview shows the acknowledgement of "oversigt" with the message it acknowledges
    And the assessor judges MedCom's step "3.4.9": "Systemet har en oversigt over afsendte kvitteringer, hvor det fremgår, hvilken besked hver kvittering hører til"
