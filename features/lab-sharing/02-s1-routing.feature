@protocol:lab-sharing @usecase:S1
Feature: Deling af lokale labsvar S1: routing to LABA and MiBA

  Biochemistry is shared with LABA, microbiology with MiBA, and nothing reaches the wrong database. Same results
  as in S1 (the set-up is performed once per run).

  Background:
    Given test patient "2509479989" has these local lab results registered in the clinic:
      | svar     | NPU      | analyse                                                                              | resultat                          | enhed    | prøvetaget                |
      | crp      | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L                                               | 42                                | mg/L     | 2026-03-02T08:15:00+01:00 |
      | crp-lav  | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L                                               | <5                                | mg/L     | 2026-06-15T09:30:00+02:00 |
      | crp-høj  | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L                                               | >160                              | mg/L     | 2026-06-16T10:00:00+02:00 |
      | hb       | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L                                                  | 8.4                               | mmol/L   | 2026-03-02T08:20:00+01:00 |
      | inr      | NPU01685 | P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ? | 2.4                               | INR      | 2026-03-04T11:00:00+01:00 |
      | hba1c    | NPU27300 | B-HbA1c (IFCC)                                                                       | 48                                | mmol/mol | 2026-03-04T11:05:00+01:00 |
      | stix     | NPU04206 | U—Protein; arb.k.(proc.) = ?                                                         | 1+                                |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU21578 | U—Nitrit; arb.k.(proc.) = ?                                                          | neg                               |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU03987 | U—Leukocytter; arb.k.(proc.) = ?                                                     | 2+                                |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU04208 | U—Hæmoglobin; arb.k.(proc.) = ?                                                      | spor                              |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU04207 | U—Glucose; arb.k.(proc.) = ?                                                         | 4+                                |          | 2026-03-05T09:00:00+01:00 |
      | stix-2   | NPU03987 | U—Leukocytter; arb.k.(proc.) = ?                                                     | 3+                                |          | 2026-03-09T09:00:00+01:00 |
      | dyrkning | NPU16328 | U(midtstråle)—Bacterium+fungus; taxon(proc.) = ?                                     | SNOMED 112283007 Escherichia coli |          | 2026-03-05T09:10:00+01:00 |
      | glukose  | NPU22089 | P(kB)—Glucose; stofk. = ? mmol/L                                                     | 6.1                               | mmol/L   | 2026-03-06T08:00:00+01:00 |

  @cp:LAB-3.3.1.18
  Scenario: Biochemistry reaches LABA
    Then the biochemistry results reach LABA: "crp, crp-lav, crp-høj, hb, inr, hba1c, stix, stix-2"

  @cp:LAB-3.3.1.19
  Scenario: Microbiology reaches MiBA
    Then the microbiology result reaches MiBA: "dyrkning"

  @cp:LAB-3.3.1.20
  Scenario: Nothing reaches the wrong database
    Then nothing reaches the wrong database
