@protocol:intelligent-indbakke @usecase:R7
Feature: Intelligent indbakke R7: "Ingen" handles nothing automatically

  Ellen's requisition G1 has auto-handling "Ingen" (the default). Its results are all normal, yet the requisition
  lands in the doctor's inbox, no reply is sent and no automatic action is logged.

  Background:
    Given test patient "0201919996" has requisition "G1" ordered with auto-handling "ingen" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "G1" for test patient "0201919996":
      | NPU      | svar | interval |
      | NPU19748 | 2    | -8       |
      | NPU02319 | 8,2  | 7,3-9,5  |

  @cp:II-3.3.7.1
  Scenario: Nothing is handled automatically
    Then nothing is handled automatically for requisition "G1": it is in the doctor's inbox, no reply is sent and no automatic action is logged
    And the assessor judges "Rekvisitionen ligger i lægens indbakke; intet automatisk svar og intet i auditloggen" / "The requisition is in the doctor's inbox; no automatic reply and nothing in the audit log"
