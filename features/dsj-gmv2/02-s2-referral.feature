@protocol:dsj-gmv2 @usecase:S2
Feature: DSJ S2: the svangre forms go to the birthplace as PDF attachments to a REF01

  After the first consultation the GP sends the DSJ to the chosen birthplace: one REF01 sygehushenvisning with
  the svangre forms attached as PDF files. certbench receives it as the birthplace's visitation, in MedCom's XML
  form (an Emessage with the HospitalReferral and a BinaryLetter holding the files).

  Background:
    Given the birthplace "Testfødested Syd (certbench)" receives sygehushenvisninger at EAN "5790001382018", sygehusafdelingsnummer "9901011", department "Fødeafdelingen, visitation"
    And the birthplace "Testfødested Øst (certbench)" receives sygehushenvisninger at EAN "5790001382025", sygehusafdelingsnummer "9902011", department "Svangreambulatoriet"
    # A row without spørgsmål is an answer sent without its question's text (item.text 0..1), one without svar a
    # question she left unanswered (item without answer).
    And test patient "0201919990" (Else Test Lauridsen) is pregnant and has answered the DSJ questionnaire in Min Læge:
      | felt                    | spørgsmål                                                        | svar                  | type    |
      | sprog                   | Hvilket sprog taler du til daglig?                               | dansk                 | string  |
      | hoejde                  | Hvor høj er du (cm)?                                             | 168                   | integer |
      | vaegt-foer-graviditet   | Hvad vejede du før graviditeten (kg)?                            | 64.5                  | decimal |
      | sidste-menstruation     | Hvornår var første dag i din sidste menstruation?                | 2026-01-05            | date    |
      | fertilitetsbehandling   | Er graviditeten opnået ved fertilitetsbehandling?                | nej                   | boolean |
      | arvelige-sygdomme       |                                                                  | ingen kendte          | string  |
      | konsangvinitet          | Er du og barnets far i familie med hinanden?                     | nej                   | boolean |
      | oensker-risikovurdering | Ønsker du prænatal risikovurdering (nakkefoldsscanning)?         | ja                    | boolean |
      | oensker-ultralyd        | Ønsker du misdannelsesscanning?                                  | ja                    | boolean |
      | civilstand              | Hvad er din civilstand?                                          | samlevende            | string  |
      | tobak                   | Ryger du?                                                        | nej                   | boolean |
      | alkohol                 | Hvor mange genstande drikker du om ugen?                         | 0                     | integer |
      | tidligere-indlaeggelser | Har du tidligere været indlagt på sygehus?                       |                       | string  |
    When Min Læge delivers the questionnaire answers to the GP system
    And the GP holds the first pregnancy consultation on "2026-02-16" with birthplace "Testfødested Øst (certbench)", entering:
      | felt                  | værdi                                   | type    |
      | alkohol               | 1                                       | integer |
      | blodtryk              | 118/76                                  | string  |
      | termin                | 2026-10-12                              | date    |
      | psykisk-sygdom        | ingen                                   | string  |
      | somatisk-sygdom       | ingen                                   | string  |
      | tidligere-operationer | ingen                                   | string  |
      | samlet-vurdering      | Normal graviditet uden risikofaktorer. Tidligere ukompliceret fødsel, hun ønsker fødsel på Testfødested Øst; henvises til vanligt forløb med jordemoderkonsultationer. Anamnese: 2. graviditet, første fødsel i 2022 til termin, spontan vaginal fødsel uden komplikationer, barnet rask, ammede i seks måneder. Ingen aborter, ingen ekstrauterine graviditeter. Regelmæssig cyklus på 28 dage, graviditeten er planlagt og opnået spontant. Ingen kendt kronisk sygdom, ingen fast medicin ud over folsyre fra før graviditeten; D-vitamin og jern anbefalet efter Sundhedsstyrelsens råd. Ingen allergier. Arbejder som pædagog, samlevende med barnets far, godt socialt netværk, ingen kendte sociale belastninger. Ryger ikke, drikker højst én genstand om ugen før graviditeten, rådgivet om at undgå alkohol resten af graviditeten. Objektivt: velbefindende, blodtryk normalt, BMI ved graviditetens start omkring 23, urinstix uden protein og glukose. Hæmoglobin og blodtype med irregulære antistoffer bestilt, HIV, hepatitis B og syfilis tilbudt og accepteret. Ønsker nakkefoldsscanning og misdannelsesscanning, informeret om tilbuddet om prænatal diagnostik. Næste konsultation i uge 25 hos egen læge, jordemoderkonsultation aftales af fødestedet. Kontakt ved blødning, smerter, vandafgang eller nedsat liv. Aftalt at hun selv henvender sig ved tegn på svangerskabsforgiftning: hovedpine, synsforstyrrelser, smerter under ribbenene eller hævelse af ansigt og hænder. Informeret om kost, motion og arbejdsforhold i graviditeten, om fødselsforberedelse på fødestedet og om retten til barselsorlov. Partneren deltog i konsultationen og har ingen spørgsmål. Samlet: lavrisikograviditet, følges efter Sundhedsstyrelsens anbefalinger for svangreomsorgen | string  |
    And the GP sends the DSJ to the birthplace
    And the GP sends the DSJ to the birthplace again
    And the GP opens the DSJ of the patient

  @cp:DSJ-3.3.2.1
  Scenario: One REF01 to the chosen birthplace
    Then one REF01 reaches the birthplace chosen in the DSJ

  @cp:DSJ-3.3.2.2
  Scenario: REF01 letter codes and identifiers
    Then the referral is a REF01 letter with MedCom's codes and identifiers

  @cp:DSJ-3.3.2.3
  Scenario: Sender and patient
    Then the referral names the practice by EAN and ydernummer and the patient by CPR

  @cp:DSJ-3.3.2.4
  Scenario: Referral diagnosis
    Then the referral carries a pregnancy referral diagnosis

  @cp:DSJ-3.3.2.5
  Scenario: Attachment references
    Then every attachment is referenced as a PDF binary object with a short description and its size

  @cp:DSJ-3.3.2.6
  Scenario: Every reference resolves to its binary object
    Then every attachment reference resolves to exactly one binary object of the stated size

  @cp:DSJ-3.3.2.7
  Scenario: Every PDF opens
    Then every attached PDF opens

  @cp:DSJ-3.3.2.8
  Scenario: The forms carry the svangerskabsjournal sections, the patient and the birthplace
    Then the forms carry the svangerskabsjournal sections, and every PDF names the patient and the birthplace

  @cp:DSJ-3.3.2.9
  Scenario: The forms show the DSJ as the GP left it
    Then the forms show every DSJ field as the GP left it

  @cp:DSJ-3.3.2.10
  Scenario: The forms carry the woman's questionnaire answers
    Then the forms carry the woman's questionnaire answers as she gave them

  @cp:DSJ-3.3.2.11
  Scenario: The DSJ sent again is a new interchange
    Then the DSJ sent again reaches the birthplace as a new interchange with its own envelope identifier
