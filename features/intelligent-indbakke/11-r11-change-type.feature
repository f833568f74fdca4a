@protocol:intelligent-indbakke @usecase:R11
Feature: Intelligent indbakke R11: the auto-handling type changed after ordering

  The GP orders three requisitions for Magnus and changes their type before any result arrives: M3 from "Ingen" to
  "Autosvar ved normal", M4 from "Autosvar ved normal" to "Ingen". Every result is final and normal, so the type in
  force alone decides: the new one. Where the inbox shows a requisition's type, it shows the new one (three
  requisitions of one patient, so a change must reach the right one). M6, ordered with "Autosvar ved normal", is
  changed to "Arkiver til aftale" with an appointment in 10 days (the order had none): its normal results are
  archived without a reply and are back in the doctor's inbox on the appointment day.

  Background:
    Given test patient "0504909995" has requisition "M3" ordered with auto-handling "ingen" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0504909995" has requisition "M4" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0504909995" has requisition "M6" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And the GP changes the auto-handling type of requisition "M3" to "autosvar-ved-normal"
    And the GP changes the auto-handling type of requisition "M4" to "ingen"
    And the GP changes the auto-handling type of requisition "M6" to "arkiver-til-aftale" with an appointment in 10 days
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "M3" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 4    | -8       |
      | NPU02319 | 9,4  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "M4" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 2    | -8       |
      | NPU02319 | 9,6  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "M6" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 9,1  | 8,3-10,5 |
    And the inbox of test patient "0504909995" is looked at on the day before the appointment of requisition "M6" and on the appointment day

  @cp:II-3.3.11.1
  Scenario: A type changed to "Autosvar ved normal" before the results arrive decides
    Then after report 1, requisition "M3" is answered automatically and archived
    And the inbox shows requisition "M3" with the auto-handling type "autosvar-ved-normal"
    And the assessor judges "Rekvisition M3 (nummeret begynder med M3), ændret fra Ingen til Autosvar ved normal, er besvaret automatisk én gang og arkiveret" / "Requisition M3 (its number begins with M3), changed from Ingen to Autosvar ved normal, is answered automatically once and archived"

  @cp:II-3.3.11.2
  Scenario: A type changed to "Ingen" before the results arrive decides
    Then nothing is handled automatically for requisition "M4": it is in the doctor's inbox, no reply is sent and no automatic action is logged
    And the inbox shows requisition "M4" with the auto-handling type "ingen"
    And the assessor judges "Rekvisition M4 (nummeret begynder med M4), ændret fra Autosvar ved normal til Ingen, ligger i lægens indbakke; intet automatisk svar og intet i auditloggen" / "Requisition M4 (its number begins with M4), changed from Autosvar ved normal to Ingen, is in the doctor's inbox; no automatic reply and nothing in the audit log"

  @cp:II-3.3.11.3
  Scenario: A type changed to "Arkiver til aftale" with an appointment before the results arrive decides
    Then requisition "M6" is archived without a reply, and still archived on the day before the appointment
    And on the appointment day, requisition "M6" is back in the doctor's inbox
    And the inbox shows requisition "M6" with the auto-handling type "arkiver-til-aftale"
    And the assessor judges "Rekvisition M6 (nummeret begynder med M6), ændret fra Autosvar ved normal til Arkiver til aftale med en aftale om 10 dage, er arkiveret uden svar til patienten og ligger på aftaledagen igen i lægens indbakke" / "Requisition M6 (its number begins with M6), changed from Autosvar ved normal to Arkiver til aftale with an appointment in 10 days, is archived without a reply to the patient and is back in the doctor's inbox on the appointment day"
