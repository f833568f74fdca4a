@protocol:intelligent-indbakke @usecase:R5
Feature: Intelligent indbakke R5: the clinic's own limits replace the laboratory's

  Rasmus has two requisitions with "Autosvar ved normal". For E1 the clinic has set its own upper limit for CRP,
  5 mg/L, tighter than the laboratory's 8 mg/L; the CRP is 6. For E2 the clinic has set its own upper limit for
  HbA1c, 53 mmol/mol (a treatment target), wider than the laboratory's 42; the HbA1c is 48 and the laboratory has
  not flagged it. The clinic's limit wins both ways. E2's clinic limit is on its second analysis, so a system that
  takes the clinic limits of the requisition's first analysis for every result does not pass.

  Background:
    Given test patient "0504909989" has requisition "E1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      | klinikkens grænser |
      | NPU19748 | -5                 |
      | NPU02319 |                    |
    And test patient "0504909989" has requisition "E2" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      | klinikkens grænser |
      | NPU02319 |                    |
      | NPU27300 | -53                |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "E1" for test patient "0504909989":
      | NPU      | svar | interval |
      | NPU19748 | 6    | -8       |
      | NPU02319 | 9,2  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "E2" for test patient "0504909989":
      | NPU      | svar | interval |
      | NPU27300 | 48   | 20-42    |
      | NPU02319 | 9,2  | 8,3-10,5 |

  @cp:II-3.3.5.1
  Scenario: A tighter clinic limit keeps the requisition in the inbox
    Then requisition "E1" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen ligger i lægens indbakke, fordi CRP er over klinikkens grænse; intet automatisk svar" / "The requisition is in the doctor's inbox because CRP is above the clinic's limit; no automatic reply"

  @cp:II-3.3.5.2
  Scenario: A wider clinic limit lets the requisition be answered
    Then requisition "E2" is answered automatically: the patient got exactly one automatic reply
    And the assessor judges "Rekvisitionen er besvaret automatisk, fordi HbA1c er inden for klinikkens grænse" / "The requisition is answered automatically because HbA1c is within the clinic's limit"
