@protocol:kommunale-proevesvar @usecase:R.ACK
Feature: Kommunale prøvesvar: reliable messaging, a resent message is a duplicate

  The team's EOJ got no acknowledgement in time and resends test example 1: the same MessageHeader.id in a new
  envelope (new Bundle.id and timestamp). The GP system must not show it twice and must answer as the first time.

  Background:
    Given the acute-care team sends "første": MedCom's test example "R1-3.3.1.1"
    When the team resends "første" as "gensendt": the same message in a new envelope, no acknowledgement having arrived
    And the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-3.5.1
  Scenario: A duplicate is not shown twice
    Then "første" is shown once only, its results once in the laboratory chart
    And the assessor judges "Prøvesvaret vises kun én gang" / "The report is shown once only"

  @cp:KP-3.5.2
  Scenario: A duplicate gets the same acknowledgement
    Then the acknowledgement of "gensendt" has the same content as that of "første"
    And the assessor judges "Gensendelsen er kvitteret med samme indhold som første gang" / "The resend is acknowledged with the same content as the first time"
