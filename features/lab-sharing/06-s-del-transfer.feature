@protocol:lab-sharing @usecase:S.DEL
Feature: Deling af lokale labsvar S.DEL: journal transfer and a closing clinic delete nothing in the databases

  One patient changes clinic and the journal is transferred; for another, the clinic closes and hands the
  journal over to Styrelsen for Patientsikkerhed. The clinic may then delete its own copies, but results never
  disappear from LABA or MiBA because of it.

  Background:
    Given test patient "0504909989" has these local lab results registered in the clinic:
      | svar | NPU      | analyse                                                                              | resultat | enhed | prøvetaget                |
      | inr  | NPU01685 | P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ? | 2.8      | INR   | 2026-04-14T09:00:00+02:00 |
    And test patient "0201919990" has these local lab results registered in the clinic:
      | svar   | NPU      | analyse                             | resultat | enhed  | prøvetaget                |
      | hb-stp | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L | 7.6      | mmol/L | 2026-04-14T09:10:00+02:00 |
    When the journal of test patient "0504909989" is transferred to the patient's new clinic
    And the clinic closes and the journal of test patient "0201919990" is handed over to Styrelsen for Patientsikkerhed
    And afterwards the GP registers these local lab results for test patient "0201919996":
      | svar    | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | kontrol | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 12       | mg/L  | 2026-04-15T08:00:00+02:00 |

  @cp:LAB-3.3.4.3
  Scenario: A journal transfer deletes nothing in the databases
    Then nothing is sent to delete or cancel "inr" when the patient changes clinic, and LABA, as sent, still holds it

  @cp:LAB-3.3.4.4
  Scenario: A closing clinic deletes nothing in the databases
    Then nothing is sent to delete or cancel "hb-stp" when the clinic closes, and LABA, as sent, still holds it
