@protocol:intelligent-indbakke @usecase:R6
Feature: Intelligent indbakke R6: archive until the appointment

  Else has an appointment in 14 days. The GP orders two requisitions with "Arkiver til aftale". F1's results are
  all normal: the requisition is archived without a reply to the patient and resurfaces in the doctor's inbox on
  the appointment day. F2 has a CRP above the interval, flagged high: it goes to the inbox at once.

  Background:
    Given test patient "0201919990" has requisition "F1" ordered with auto-handling "arkiver-til-aftale" and an appointment in 14 days for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201919990" has requisition "F2" ordered with auto-handling "arkiver-til-aftale" and an appointment in 14 days for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "F1" for test patient "0201919990":
      | NPU      | svar | interval |
      | NPU19748 | 4    | -8       |
      | NPU02319 | 8,0  | 7,3-9,5  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "F2" for test patient "0201919990":
      | NPU      | svar | interval | flag     |
      | NPU19748 | 45   | -8       | for_hoej |
      | NPU02319 | 8,0  | 7,3-9,5  |          |
    And the inbox of test patient "0201919990" is looked at on the day before the appointment of requisition "F1" and on the appointment day

  @cp:II-3.3.6.1
  Scenario: Normal results are archived without a reply until the appointment
    Then requisition "F1" is archived without a reply, and still archived on the day before the appointment
    And the assessor judges "Rekvisitionen er arkiveret til aftalen uden svar til patienten" / "The requisition is archived until the appointment, without a reply to the patient"

  @cp:II-3.3.6.2
  Scenario: The requisition resurfaces on the appointment day
    Then on the appointment day, requisition "F1" is back in the doctor's inbox
    And the assessor judges "Med systemets dato sat til aftaledagen ligger rekvisitionen igen i lægens indbakke" / "With the system date set to the appointment day, the requisition is back in the doctor's inbox"

  @cp:II-3.3.6.3
  Scenario: Abnormal results go to the inbox at once
    Then requisition "F2" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen med det forhøjede CRP ligger straks i lægens indbakke" / "The requisition with the raised CRP is in the doctor's inbox at once"

  @cp:II-3.3.6.4
  Scenario: Archiving until the appointment is logged
    Then the audit log records that requisition "F1" was archived until the appointment
    And the assessor judges "Auditloggen viser arkiveringen til aftalen med tidspunkt" / "The audit log shows the archiving until the appointment, with its time"
