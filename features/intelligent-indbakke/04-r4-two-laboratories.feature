@protocol:intelligent-indbakke @usecase:R4
Feature: Intelligent indbakke R4: one requisition, results from two laboratories

  Magnus's requisition D1 ("Autosvar ved normal") asks for CRP and haemoglobin, analysed by laboratory TLA, and
  HbA1c, analysed by laboratory TLB. TLA's complete report comes first; TLB's report with the HbA1c comes later.
  The GP system holds the results until every ordered analysis has arrived, groups them under the requisition,
  shows each result's producer, and answers once, after the last analysis.

  Background:
    Given test patient "0504909995" has requisition "D1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
      | NPU27300 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "D1" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU19748 | 5    | -8       |
      | NPU02319 | 9,4  | 8,3-10,5 |
    And laboratory "TLB" delivers a "komplet_svar" report on requisition "D1" for test patient "0504909995":
      | NPU      | svar | interval |
      | NPU27300 | 36   | 20-42    |

  @cp:II-3.3.3.3
  Scenario: Results are held until every ordered analysis has arrived
    Then after report 1, requisition "D1" is neither answered nor archived automatically
    And the assessor judges "Efter det første laboratoriums svar var rekvisitionen hverken besvaret eller arkiveret automatisk" / "After the first laboratory's report the requisition was neither answered nor archived automatically"

  @cp:II-3.3.4.1
  Scenario: Both laboratories' results are grouped under the requisition
    Then requisition "D1" is one inbox item with the results of every report
    And the assessor judges "Svarene fra begge laboratorier vises samlet under én rekvisition" / "The results of both laboratories are shown together under one requisition"

  @cp:II-3.3.4.2
  Scenario: Each result shows its producer
    Then every result of requisition "D1" shows the producer the laboratory reported
    And the assessor judges "Hvert svar viser sin producent (TLA eller TLB) som i laboratoriesvaret" / "Each result shows its producer (TLA or TLB) as the laboratory reported it"

  @cp:II-3.3.4.3
  Scenario: One automatic reply, after the last analysis
    Then requisition "D1" got exactly one automatic reply, and only after its last analysis arrived
    And the assessor judges "Patienten fik ét automatisk svar, og først efter den sidste analyse" / "The patient got one automatic reply, and only after the last analysis"
