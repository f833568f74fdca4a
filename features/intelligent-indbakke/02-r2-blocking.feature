@protocol:intelligent-indbakke @usecase:R2
Feature: Intelligent indbakke R2: what keeps a requisition in the doctor's inbox

  Eleven requisitions for Einer, all with "Autosvar ved normal", each complete and final except where stated. Each has
  one result that must stop the automatic reply, next to a normal one: a result flagged abnormal by the
  laboratory although its value lies inside the interval, a value above the interval without a flag, a result
  without limits, an alphanumeric result equal to the laboratory's interval text, a value with an operator (<5),
  a provisional result, and a haemoglobin just below the lower limit (8,2 against 8,3-10,5, no flag: the boundary
  of the lower limit). An eighth has a urine protein strip the laboratory reports as alphanumeric although its
  value "0" reads as a number inside the interval 0-0 (the boundary of "alphanumeric": the type decides, not how
  the value looks). The whole requisition stays in the doctor's inbox and the patient gets no reply. Three more (B9,
  B10, B11) each have a CRP the laboratory declares numerisk whose value is not a number: "hæmolyseret" (text only),
  "ca. 5" (text before the number) and "5 hæmolyse" (text after it), each against the interval -8. Such a value
  cannot be shown to lie inside the limits: the report is refused as malformed or shown in the doctor's inbox, and
  never answered automatically.

  Background:
    Given test patient "0201609995" has requisition "B1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B2" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B3" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU27300 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B4" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU04206 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B5" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B6" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B7" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B8" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU04206 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B9" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B10" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609995" has requisition "B11" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "B1" for test patient "0201609995":
      | NPU      | svar | interval | flag    |
      | NPU19748 | 4    | -8       | unormal |
      | NPU02319 | 9,0  | 8,3-10,5 |         |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B2" for test patient "0201609995":
      | NPU      | svar | interval |
      | NPU19748 | 12   | -8       |
      | NPU02319 | 9,0  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B3" for test patient "0201609995":
      | NPU      | svar | interval |
      | NPU27300 | 38   |          |
      | NPU02319 | 9,0  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B4" for test patient "0201609995":
      | NPU      | svar | interval   |
      | NPU04206 | neg  | tekst:neg  |
      | NPU02319 | 9,0  | 8,3-10,5   |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B5" for test patient "0201609995":
      | NPU      | svar | interval |
      | NPU19748 | <5   | -8       |
      | NPU02319 | 9,0  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B6" for test patient "0201609995":
      | NPU      | svar | interval | status            |
      | NPU19748 | 3    | -8       | svar_endeligt     |
      | NPU02319 | 9,0  | 8,3-10,5 | svar_midlertidigt |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B7" for test patient "0201609995":
      | NPU      | svar | interval |
      | NPU19748 | 4    | -8       |
      | NPU02319 | 8,2  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B8" for test patient "0201609995":
      | NPU      | svar | interval | type         |
      | NPU04206 | 0    | 0-0      | alfanumerisk |
      | NPU02319 | 9,0  | 8,3-10,5 |              |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B9" for test patient "0201609995":
      | NPU      | svar        | interval | type     |
      | NPU19748 | hæmolyseret | -8       | numerisk |
      | NPU02319 | 9,0         | 8,3-10,5 |          |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B10" for test patient "0201609995":
      | NPU      | svar        | interval | type     |
      | NPU19748 | ca. 5       | -8       | numerisk |
      | NPU02319 | 9,0         | 8,3-10,5 |          |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "B11" for test patient "0201609995":
      | NPU      | svar        | interval | type     |
      | NPU19748 | 5 hæmolyse  | -8       | numerisk |
      | NPU02319 | 9,0         | 8,3-10,5 |          |

  @cp:II-3.3.2.1
  Scenario: An abnormal flag blocks the whole requisition
    Then requisition "B1" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen ligger i lægens indbakke, og patienten har ikke fået automatisk svar" / "The requisition is in the doctor's inbox and the patient got no automatic reply"

  @cp:II-3.3.2.2
  Scenario: A value outside the limits blocks the whole requisition, flag or no flag
    Then requisition "B2" stays in the doctor's inbox and the patient gets no automatic reply
    And requisition "B7" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen ligger i lægens indbakke, og patienten har ikke fået automatisk svar" / "The requisition is in the doctor's inbox and the patient got no automatic reply"

  @cp:II-3.3.2.3
  Scenario: A result without limits is never auto-answered
    Then requisition "B3" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen ligger i lægens indbakke, og patienten har ikke fået automatisk svar" / "The requisition is in the doctor's inbox and the patient got no automatic reply"

  @cp:II-3.3.2.4
  Scenario: An alphanumeric result is never auto-answered
    Then requisition "B4" stays in the doctor's inbox and the patient gets no automatic reply
    And requisition "B8" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen ligger i lægens indbakke, og patienten har ikke fået automatisk svar" / "The requisition is in the doctor's inbox and the patient got no automatic reply"

  @cp:II-3.3.2.5
  Scenario: A result with an operator is never auto-answered
    Then requisition "B5" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen ligger i lægens indbakke, og patienten har ikke fået automatisk svar" / "The requisition is in the doctor's inbox and the patient got no automatic reply"

  @cp:II-3.3.2.6
  Scenario: A provisional result is never auto-answered
    Then requisition "B6" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Rekvisitionen ligger i lægens indbakke, og patienten har ikke fået automatisk svar" / "The requisition is in the doctor's inbox and the patient got no automatic reply"

  @cp:II-3.3.2.7
  Scenario: A numerisk result whose value is not a number is never auto-answered
    Then the report on requisition "B9", whose value is not a number, is refused or shown in the doctor's inbox, and never answered or archived automatically
    And the report on requisition "B10", whose value is not a number, is refused or shown in the doctor's inbox, and never answered or archived automatically
    And the report on requisition "B11", whose value is not a number, is refused or shown in the doctor's inbox, and never answered or archived automatically
    And the assessor judges "Svarene med værdierne hæmolyseret (B9), ca. 5 (B10) og 5 hæmolyse (B11) er afvist eller ligger i lægens indbakke; intet automatisk svar eller arkivering" / "The reports with the values hæmolyseret (B9), ca. 5 (B10) and 5 hæmolyse (B11) were refused or are in the doctor's inbox; no automatic reply or archiving"
