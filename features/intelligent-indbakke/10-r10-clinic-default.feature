@protocol:intelligent-indbakke @usecase:R10
Feature: Intelligent indbakke R10: the clinic's default auto-handling type

  The clinic first sets "Ingen" as its default type; the GP orders M5 for Magnus without choosing a type, and its
  normal results arrive while the default is still "Ingen": nothing is handled automatically. Then the clinic sets
  "Autosvar ved normal" as its default type. The GP orders two more requisitions for Magnus: M1 without
  choosing a type, so the clinic's default applies, and M2 with "Ingen" chosen for it. Every result is final and
  normal, so the type in force alone decides. The default is a clinic-wide setting: afterwards certbench sets it
  back to what it was, also when a step failed.

  Background:
    Given the clinic's default auto-handling type is "ingen"
    And test patient "0504909995" has requisition "M5" ordered without choosing an auto-handling type for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "M5" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 9,3  | 8,3-10,5 |
    And the clinic's default auto-handling type is "autosvar-ved-normal"
    And test patient "0504909995" has requisition "M1" ordered without choosing an auto-handling type for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0504909995" has requisition "M2" ordered with auto-handling "ingen" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "M1" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 2    | -8       |
      | NPU02319 | 9,0  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "M2" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 9,2  | 8,3-10,5 |
    And afterwards the clinic's default auto-handling type is set back to what it was, even if a step failed

  @cp:II-3.3.10.1
  Scenario: A requisition ordered without a type follows the clinic's default
    Then after report 2, requisition "M1" is answered automatically and archived
    And the assessor judges "Rekvisition M1 (nummeret begynder med M1) blev bestilt uden valgt type og er efter klinikkens standardtype besvaret automatisk én gang og arkiveret" / "Requisition M1 (its number begins with M1) was ordered without a chosen type and, by the clinic's default type, is answered automatically once and archived"

  @cp:II-3.3.10.2
  Scenario: The type chosen for the requisition wins over the clinic's default
    Then nothing is handled automatically for requisition "M2": it is in the doctor's inbox, no reply is sent and no automatic action is logged
    And the assessor judges "Rekvisition M2 (nummeret begynder med M2, valgt type Ingen) ligger i lægens indbakke; intet automatisk svar og intet i auditloggen" / "Requisition M2 (its number begins with M2, chosen type Ingen) is in the doctor's inbox; no automatic reply and nothing in the audit log"

  @cp:II-3.3.10.3
  Scenario: With the clinic's default "Ingen", a requisition ordered without a type is not handled automatically
    Then after report 1, requisition "M5" is neither answered nor archived automatically
    And the assessor judges "Rekvisition M5 (nummeret begynder med M5) blev bestilt uden valgt type, mens klinikkens standardtype var Ingen; intet automatisk svar og ingen automatisk arkivering" / "Requisition M5 (its number begins with M5) was ordered without a chosen type while the clinic's default type was Ingen; no automatic reply and no automatic archiving"
