@protocol:vandrejournal-maalinger @usecase:S3
Feature: Nye versioner S3: a later visit produces new versions of the Vandrejournal and the Målinger

  The Vandrejournal travels with the pregnant woman and is updated at every visit. After the second visit the GP
  system shares both documents again: each is a new version that replaces the previous one in document sharing,
  without overwriting it, and carries the whole current record (the latest assessment, every measurement).

  Background:
    Given the GP registers a pregnancy visit for test patient "0201919990":
      | besøgsdato               | 2025-04-22                                          |
      | sidste menstruation      | 2025-03-03                                          |
      | cyklus (dage)            | 30                                                  |
      | terminsberegning sikker  | ja                                                  |
      | vægt (kg)                | 68                                                  |
      | blodtryk                 | 118/76                                              |
      | rygning før graviditet   | ja                                                  |
      | rygning under graviditet | Stoppet ved positiv graviditetstest                 |
      | alkohol før graviditet   | ja                                                  |
      | alkohol under graviditet | nej                                                 |
      | genstande pr. uge        | 0                                                   |
      | samlet vurdering         | Ukompliceret graviditet, tidligere ryger (stoppet). |
      | omsorgsniveau            | Niveau 1                                            |
    And the GP system shares the Vandrejournal and the Målinger
    And the GP registers a pregnancy visit for test patient "0201919990":
      | besøgsdato          | 2025-07-29                                          |
      | vægt (kg)           | 71.5                                                |
      | blodtryk            | 122/78                                              |
      | symfyse-fundus (mm) | 210                                                 |
      | hjertelyd foster 1  | ja                                                  |
      | UL-termin           | 2025-12-12                                          |
      | samlet vurdering    | Fortsat ukompliceret, vægtøgning som forventet.     |
      | omsorgsniveau       | Niveau 1                                            |
    When the GP system shares the Vandrejournal and the Målinger again

  @cp:GM-3.3.3.1
  Scenario: The new versions replace the previous ones without overwriting them
    Then each later version replaces the previous one without overwriting it

  @cp:GM-3.3.3.2
  Scenario: The new versions carry the whole current record
    Then the latest versions carry the later visit's content and every earlier measurement
