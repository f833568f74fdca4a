@protocol:lab-sharing @usecase:S1
Feature: Deling af lokale labsvar S1: a new local result is shared

  The GP registers results of analyses performed in the clinic: point-of-care biochemistry (CRP, haemoglobin,
  INR, HbA1c; values beyond the device's range written with <, <=, >= or >), a urine dipstick and a urine
  culture. Each result on the agreed list is shared at once as one FHIR message: biochemistry with LABA,
  microbiology with MiBA. Capillary glucose is not on the agreed list and stays
  in the clinic. Every shared result must carry what the GP registered.

  Background:
    Given test patient "2509479989" has these local lab results registered in the clinic:
      | svar     | NPU      | analyse                                                                              | resultat                          | enhed    | prøvetaget                |
      | crp      | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L                                               | 42                                | mg/L     | 2026-03-02T08:15:00+01:00 |
      | crp-lav  | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L                                               | <5                                | mg/L     | 2026-06-15T09:30:00+02:00 |
      | crp-høj  | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L                                               | >160                              | mg/L     | 2026-06-16T10:00:00+02:00 |
      | hb       | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L                                                  | 8.4                               | mmol/L   | 2026-03-02T08:20:00+01:00 |
      | inr      | NPU01685 | P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ? | 2.4                               | INR      | 2026-03-04T11:00:00+01:00 |
      | hba1c    | NPU27300 | B-HbA1c (IFCC)                                                                       | 48                                | mmol/mol | 2026-03-04T11:05:00+01:00 |
      | hba1c-2  | NPU27300 | B-HbA1c (IFCC)                                                                       | >=130                             | mmol/mol | 2026-06-17T10:00:00+02:00 |
      | inr-2    | NPU01685 | P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ? | <=0.8                             | INR      | 2026-06-17T10:05:00+02:00 |
      | stix     | NPU04206 | U—Protein; arb.k.(proc.) = ?                                                         | 1+                                |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU21578 | U—Nitrit; arb.k.(proc.) = ?                                                          | neg                               |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU03987 | U—Leukocytter; arb.k.(proc.) = ?                                                     | 2+                                |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU04208 | U—Hæmoglobin; arb.k.(proc.) = ?                                                      | spor                              |          | 2026-03-05T09:00:00+01:00 |
      | stix     | NPU04207 | U—Glucose; arb.k.(proc.) = ?                                                         | 4+                                |          | 2026-03-05T09:00:00+01:00 |
      | stix-2   | NPU03987 | U—Leukocytter; arb.k.(proc.) = ?                                                     | 3+                                |          | 2026-03-09T09:00:00+01:00 |
      | dyrkning | NPU16328 | U(midtstråle)—Bacterium+fungus; taxon(proc.) = ?                                     | SNOMED 112283007 Escherichia coli |          | 2026-03-05T09:10:00+01:00 |
      | glukose  | NPU22089 | P(kB)—Glucose; stofk. = ? mmol/L                                                     | 6.1                               | mmol/L   | 2026-03-06T08:00:00+01:00 |

  @cp:LAB-3.3.1.1
  Scenario: Every shared result is sent as a FHIR message
    Then every shared result reaches the databases as a FHIR message Bundle with the MessageHeader first

  @cp:LAB-3.3.1.2
  Scenario: Message identity and sending time
    Then every message has a UUID Bundle.id and MessageHeader.id and a Bundle.timestamp with seconds and the Danish offset at the time of sending

  @cp:LAB-3.3.1.3
  Scenario: The message is structurally valid FHIR R4
    Then every message is structurally valid FHIR R4

  @cp:LAB-3.3.1.4
  Scenario: The patient is identified by CPR
    Then every shared result names the patient by the CPR "2509479989"

  @cp:LAB-3.3.1.5
  Scenario: NPU code and display
    Then every shared analysis carries its NPU code and display as registered

  @cp:LAB-3.3.1.6
  Scenario: Value and unit
    Then every numeric result carries its value and unit as registered

  @cp:LAB-3.3.1.7
  Scenario: Comparator
    Then every numeric result carries its comparator as registered, such as "<5" for "crp-lav"

  @cp:LAB-3.3.1.8
  Scenario: Dipstick grades are text on the agreed scale
    Then the dipstick grades of "stix" are shared as text on the agreed scale

  @cp:LAB-3.3.1.9
  Scenario: A culture result is the coded organism
    Then the culture result of "dyrkning" is shared as the coded organism

  @cp:LAB-3.3.1.10
  Scenario: Sampling time
    Then every shared result carries its sampling time with seconds and the Danish offset

  @cp:LAB-3.3.1.11
  Scenario: The producing clinic is marked as general practice
    Then every shared result names the producing clinic by SOR and ydernummer, marked as general practice

  @cp:LAB-3.3.1.12
  Scenario: Status final
    Then every new result is shared with status final

  @cp:LAB-3.3.1.13
  Scenario: Stable, unique identifiers
    Then every shared result and analysis has its own urn:uuid identifier

  @cp:LAB-3.3.1.14
  Scenario: Only agreed analyses are shared
    Then "glukose", which is not on the agreed list, stays local while every agreed result is shared

  @cp:LAB-3.3.1.15
  Scenario: No restriction without nægtet samtykke
    Then no shared result is marked restricted, as none was registered with nægtet samtykke

  @cp:LAB-3.3.1.16
  Scenario: The sender is the one the SUT profile declares
    Then every message names the sender the SUT profile declares: the GP system itself or PLSP acting for the clinic

  @cp:LAB-3.3.1.17
  Scenario: Provenance of a new result
    Then every message's Provenance records a new message from the clinic

  @cp:LAB-3.3.1.21
  Scenario: The MessageHeader names the event, the database and the sender
    Then every MessageHeader has an event code, the database it is sent to as its destination, and the declared sender as its source

  @cp:LAB-3.3.1.22
  Scenario: The report code and the observation category
    Then every shared report is coded as a lab report of its discipline and every analysis is categorised laboratory

  @cp:LAB-3.3.1.23
  Scenario: The patient is the test person
    Then every shared result names the test patient "2509479989" by name, and by gender and birth date where given
