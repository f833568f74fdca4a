@protocol:intelligent-indbakke @usecase:R10
Feature: Intelligent indbakke R10: the clinic's default type, and a change of type after ordering

  The clinic sets "Autosvar ved normal" as its default type. The GP orders four requisitions for Magnus: M1 without
  choosing a type (the clinic's default applies), M2 with "Ingen" chosen for it, M3 ordered with "Ingen" and changed
  to "Autosvar ved normal" before any result arrives, and M4 ordered with "Autosvar ved normal" and changed to
  "Ingen". Every result is final and normal, so the type in force alone decides. Afterwards the clinic's default is
  set back to "Ingen", the default of a system as delivered.

  Background:
    Given the clinic's default auto-handling type is "autosvar-ved-normal"
    And test patient "0504909995" has requisition "M1" ordered without choosing an auto-handling type for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0504909995" has requisition "M2" ordered with auto-handling "ingen" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0504909995" has requisition "M3" ordered with auto-handling "ingen" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0504909995" has requisition "M4" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And the GP changes the auto-handling type of requisition "M3" to "autosvar-ved-normal"
    And the GP changes the auto-handling type of requisition "M4" to "ingen"
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "M1" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 2    | -8       |
      | NPU02319 | 9,0  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "M2" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 9,2  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "M3" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 4    | -8       |
      | NPU02319 | 9,4  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "M4" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 2    | -8       |
      | NPU02319 | 9,6  | 8,3-10,5 |
    And the clinic's default auto-handling type is set back to "ingen"

  @cp:II-3.3.10.1
  Scenario: A requisition ordered without a type follows the clinic's default
    Then after report 1, requisition "M1" is answered automatically and archived
    And the assessor judges "Rekvisition M1, bestilt uden valgt type, er besvaret automatisk én gang og arkiveret efter klinikkens standard" / "Requisition M1, ordered without a chosen type, is answered automatically once and archived, following the clinic's default"

  @cp:II-3.3.10.2
  Scenario: The type chosen for the requisition wins over the clinic's default
    Then nothing is handled automatically for requisition "M2": it is in the doctor's inbox, no reply is sent and no automatic action is logged
    And the assessor judges "Rekvisition M2 (Ingen) ligger i lægens indbakke; intet automatisk svar og intet i auditloggen" / "Requisition M2 (Ingen) is in the doctor's inbox; no automatic reply and nothing in the audit log"

  @cp:II-3.3.10.3
  Scenario: A type changed to "Autosvar ved normal" before the results arrive is used
    Then after report 3, requisition "M3" is answered automatically and archived
    And the assessor judges "Rekvisition M3, ændret fra Ingen til Autosvar ved normal, er besvaret automatisk én gang og arkiveret" / "Requisition M3, changed from Ingen to Autosvar ved normal, is answered automatically once and archived"

  @cp:II-3.3.10.4
  Scenario: A type changed to "Ingen" before the results arrive is used
    Then nothing is handled automatically for requisition "M4": it is in the doctor's inbox, no reply is sent and no automatic action is logged
    And the assessor judges "Rekvisition M4, ændret fra Autosvar ved normal til Ingen, ligger i lægens indbakke; intet automatisk svar og intet i auditloggen" / "Requisition M4, changed from Autosvar ved normal to Ingen, is in the doctor's inbox; no automatic reply and nothing in the audit log"
