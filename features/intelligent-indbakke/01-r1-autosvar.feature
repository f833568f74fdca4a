@protocol:intelligent-indbakke @usecase:R1
Feature: Intelligent indbakke R1: normal results are answered and archived automatically

  The GP orders CRP, haemoglobin and glucose for Elmer and chooses "Autosvar ved normal" for the requisition. The
  laboratory's complete report has every result final and inside its reference interval, without flags; the values
  have decimal commas and another number of decimals than their limits (CRP 5,5 against -8, glucose 5,44 against
  4,2-6,3), so a system that misreads the comma, or reads one decimal only, finds them abnormal; the haemoglobin's
  interval has a lower limit only (8,3-), so a system that needs both limits finds no interval. The GP system answers
  the patient automatically, archives the requisition, registers no fee and logs what it did.

  Background:
    Given test patient "2509479989" has requisition "A1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
      | NPU21531 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "A1" for test patient "2509479989":
      | NPU      | svar | interval  |
      | NPU19748 | 5,5  | -8        |
      | NPU02319 | 9,1  | 8,3-      |
      | NPU21531 | 5,44 | 4,2-6,3   |

  @cp:II-3.3.1.1
  Scenario: The patient gets one automatic reply
    Then requisition "A1" is answered automatically: the patient got exactly one automatic reply
    And the assessor judges "Patienten har fået præcis ét automatisk svar om rekvisitionen, og svaret siger, at prøvesvarene er normale" / "The patient got exactly one automatic reply about the requisition, saying the results are normal"

  @cp:II-3.3.1.2
  Scenario: The requisition is archived
    Then requisition "A1" is archived and no longer in the doctor's inbox
    And the assessor judges "Rekvisitionen er arkiveret og ligger ikke i lægens indbakke" / "The requisition is archived and not in the doctor's inbox"

  @cp:II-3.3.1.3
  Scenario: No fee for an automatic reply
    Then no fee (ydelse) is registered for the automatic reply on requisition "A1"
    And the assessor judges "Der er ikke registreret nogen ydelse for det automatiske svar" / "No fee (ydelse) is registered for the automatic reply"

  @cp:II-3.3.1.4
  Scenario: Automatic actions are logged
    Then the audit log records the automatic reply and the archiving of requisition "A1", each with its time
    And the assessor judges "Auditloggen viser det automatiske svar og arkiveringen med tidspunkt" / "The audit log shows the automatic reply and the archiving, with their times"
