<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>About</name>
        <message>
            <source>A desktop lab for routing studies.</source>
            <translation>Ein Desktop-Labor für Routing-Studien.</translation>
        </message>
        <message>
            <source>BLAS in use</source>
            <translation>Verwendete BLAS</translation>
        </message>
        <message>
            <source>CUDA</source>
            <translation>CUDA</translation>
        </message>
        <message>
            <source>not available</source>
            <translation>nicht verfügbar</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::AttributePanel</name>
        <message>
            <source>from</source>
            <translation>von</translation>
        </message>
        <message>
            <source>to</source>
            <translation>nach</translation>
        </message>
        <message>
            <source>capacity</source>
            <translation>Kapazität</translation>
        </message>
        <message>
            <source>free-flow time</source>
            <translation>Freiflusszeit</translation>
        </message>
        <message>
            <source>flow</source>
            <translation>Verkehrsstärke</translation>
        </message>
        <message>
            <source>v/c</source>
            <translation>V/K</translation>
        </message>
        <message>
            <source>travel time</source>
            <translation>Reisezeit</translation>
        </message>
        <message>
            <source>state</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>gesperrt</translation>
        </message>
        <message>
            <source>flow difference</source>
            <translation>Differenz der Verkehrsstärke</translation>
        </message>
        <message>
            <source>Link %1: %2 → %3</source>
            <translation>Strecke %1: %2 → %3</translation>
        </message>
        <message>
            <source>Node %1</source>
            <translation>Knoten %1</translation>
        </message>
        <message>
            <source>node</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <source>zone</source>
            <translation>Bezirk</translation>
        </message>
        <message>
            <source>yes (origin/destination centroid)</source>
            <translation>ja (Quell-/Zielbezirk)</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>Click a link or a node on the map</source>
            <translation>Klicken Sie auf eine Strecke oder einen Knoten der Karte</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::BraessView</name>
        <message>
            <source>Without the middle link (UE): TSTT %1</source>
            <translation>Ohne die mittlere Strecke (Gleichgewicht): TSTT %1</translation>
        </message>
        <message>
            <source>With the middle link (UE): TSTT %1</source>
            <translation>Mit der mittleren Strecke (Gleichgewicht): TSTT %1</translation>
        </message>
        <message>
            <source>With the middle link, system optimum: TSTT %1</source>
            <translation>Mit der mittleren Strecke, Systemoptimum: TSTT %1</translation>
        </message>
    </context>
    <context>
        <name>routescope::widgets::ChartView</name>
        <message>
            <source> (band)</source>
            <translation> (Band)</translation>
        </message>
    </context>
    <context>
        <name>routescope::app::ComparisonView</name>
        <message>
            <source>Only keys that differ</source>
            <translation>Nur abweichende Schlüssel</translation>
        </message>
        <message>
            <source>Mean and min/max across seeds</source>
            <translation>Mittelwert und Min./Max. über Seeds</translation>
        </message>
        <message>
            <source>The runs are one sweep with different seeds: show their spread as a band</source>
            <translation>Die Läufe bilden einen Sweep mit verschiedenen Seeds: ihre Streuung als Band zeigen</translation>
        </message>
        <message>
            <source>Comparing %1 runs</source>
            <translation>Vergleich von %1 Läufen</translation>
        </message>
        <message>
            <source>Differs between runs</source>
            <translation>Unterscheidet sich zwischen Läufen</translation>
        </message>
        <message>
            <source>(default)</source>
            <translation>(Standard)</translation>
        </message>
        <message>
            <source>These runs share no metrics.</source>
            <translation>Diese Läufe haben keine gemeinsamen Metriken.</translation>
        </message>
        <message>
            <source>step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>%1 across %2 seeds</source>
            <translation>%1 über %2 Seeds</translation>
        </message>
        <message>
            <source>mean</source>
            <translation>Mittel</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::moe::DemoStoryPanel</name>
        <message>
            <source>Back</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <source>Show the figure</source>
            <translation>Abbildung zeigen</translation>
        </message>
        <message>
            <source>The findings appear here once the routing traces are analysed.</source>
            <translation>Die Befunde erscheinen hier, sobald die Routing-Traces analysiert sind.</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Befunde</translation>
        </message>
        <message>
            <source>%1 (did not appear)</source>
            <translation>%1 (nicht aufgetreten)</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Schritt %1 von %2</translation>
        </message>
    </context>
    <context>
        <name>routescope::gui::ExportFigureDialog</name>
        <message>
            <source>Export figure</source>
            <translation>Abbildung exportieren</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Abbildung</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Breite</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Höhe</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Figures (*.png *.svg *.pdf)</source>
            <translation>Abbildungen (*.png *.svg *.pdf)</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::FigureDataTab</name>
        <message>
            <source>Export data (CSV)…</source>
            <translation>Daten exportieren (CSV)…</translation>
        </message>
        <message>
            <source>%1: cannot write (%2)</source>
            <translation>%1: kann nicht geschrieben werden (%2)</translation>
        </message>
        <message>
            <source>Export figure data</source>
            <translation>Daten der Abbildung exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>routescope::gui::JobPanel</name>
        <message>
            <source>No jobs yet. Start one from a study in the sidebar.</source>
            <translation>Noch keine Aufträge. Starten Sie einen über eine Studie in der Seitenleiste.</translation>
        </message>
    </context>
    <context>
        <name>routescope::gui::JobRow</name>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Wartet</translation>
        </message>
        <message>
            <source>Waiting for the running job</source>
            <translation>Wartet auf den laufenden Auftrag</translation>
        </message>
        <message>
            <source>ETA %1</source>
            <translation>Rest %1</translation>
        </message>
        <message>
            <source>ETA unknown</source>
            <translation>Restzeit unbekannt</translation>
        </message>
        <message>
            <source>Completed in %1</source>
            <translation>Abgeschlossen in %1</translation>
        </message>
        <message>
            <source>Cancelled after %1</source>
            <translation>Abgebrochen nach %1</translation>
        </message>
        <message>
            <source>Failed after %1</source>
            <translation>Fehlgeschlagen nach %1</translation>
        </message>
        <message>
            <source>show log</source>
            <translation>Protokoll zeigen</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::LinkTableModel</name>
        <message>
            <source>closed</source>
            <translation>gesperrt</translation>
        </message>
        <message>
            <source>link</source>
            <translation>Strecke</translation>
        </message>
        <message>
            <source>from</source>
            <translation>von</translation>
        </message>
        <message>
            <source>to</source>
            <translation>nach</translation>
        </message>
        <message>
            <source>capacity</source>
            <translation>Kapazität</translation>
        </message>
        <message>
            <source>free-flow time</source>
            <translation>Freiflusszeit</translation>
        </message>
        <message>
            <source>flow</source>
            <translation>Verkehrsstärke</translation>
        </message>
        <message>
            <source>v/c</source>
            <translation>V/K</translation>
        </message>
        <message>
            <source>travel time</source>
            <translation>Reisezeit</translation>
        </message>
        <message>
            <source>state</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>flow difference</source>
            <translation>Differenz der Verkehrsstärke</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::LinkTableView</name>
        <message>
            <source>Export CSV…</source>
            <translation>Als CSV exportieren…</translation>
        </message>
        <message>
            <source>%1: cannot write (%2)</source>
            <translation>%1: kann nicht geschrieben werden (%2)</translation>
        </message>
        <message>
            <source>Export link table</source>
            <translation>Streckentabelle exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>routescope::gui::MainWindow</name>
        <message>
            <source>Loading study plugins…</source>
            <translation>Studien-Plugins werden geladen…</translation>
        </message>
        <message>
            <source>Studies</source>
            <translation>Studien</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Notes for this session (kept if the app crashes)</source>
            <translation>Notizen zu dieser Sitzung (bleiben bei einem Absturz erhalten)</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Plugin skipped: %1</source>
            <translation>Plugin übersprungen: %1</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Bereit</translation>
        </message>
        <message>
            <source>Wait for the running jobs to finish before opening another run store.</source>
            <translation>Warten Sie, bis die laufenden Aufträge beendet sind, bevor Sie einen anderen Laufspeicher öffnen.</translation>
        </message>
        <message>
            <source>jobs are running</source>
            <translation>Aufträge laufen</translation>
        </message>
        <message>
            <source>Run %1 was interrupted (its process ended)</source>
            <translation>Lauf %1 wurde unterbrochen (sein Prozess endete)</translation>
        </message>
        <message>
            <source>info</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>Run store: %1</source>
            <translation>Laufspeicher: %1</translation>
        </message>
        <message>
            <source>Started %1: %2</source>
            <translation>%1 gestartet: %2</translation>
        </message>
        <message>
            <source>Cannot start %1: %2</source>
            <translation>%1 kann nicht gestartet werden: %2</translation>
        </message>
        <message>
            <source>No guided demo for the study "%1".</source>
            <translation>Keine geführte Demo für die Studie „%1“.</translation>
        </message>
        <message>
            <source>demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>A job failed; its run %1 has the details (Jobs dock: show log).</source>
            <translation>Ein Auftrag ist fehlgeschlagen; sein Lauf %1 enthält die Einzelheiten (Aufträge: Protokoll zeigen).</translation>
        </message>
        <message>
            <source>Events of run %1:</source>
            <translation>Ereignisse von Lauf %1:</translation>
        </message>
        <message>
            <source>Open a run first: figures are exported from the current run tab.</source>
            <translation>Öffnen Sie zuerst einen Lauf: Abbildungen werden aus dem aktuellen Lauf-Tab exportiert.</translation>
        </message>
        <message>
            <source>Wrote %1</source>
            <translation>%1 geschrieben</translation>
        </message>
        <message>
            <source>Open a run or a comparison first.</source>
            <translation>Öffnen Sie zuerst einen Lauf oder einen Vergleich.</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Bericht exportieren</translation>
        </message>
        <message>
            <source>Reports (*.html *.pdf)</source>
            <translation>Berichte (*.html *.pdf)</translation>
        </message>
        <message>
            <source>Run stores (*.sqlite)</source>
            <translation>Laufspeicher (*.sqlite)</translation>
        </message>
        <message>
            <source>Run bundles (*.rsbundle)</source>
            <translation>Laufbündel (*.rsbundle)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Import bundle</source>
            <translation>Bündel importieren</translation>
        </message>
        <message>
            <source>Run bundles (*.rsbundle);;All files (*)</source>
            <translation>Laufbündel (*.rsbundle);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>The run store is not open.</source>
            <translation>Der Laufspeicher ist nicht geöffnet.</translation>
        </message>
        <message>
            <source>Imported %1 run(s), skipped %2 already present</source>
            <translation>%1 Lauf/Läufe importiert, %2 bereits vorhandene übersprungen</translation>
        </message>
        <message>
            <source>About RouteScope</source>
            <translation>Über RouteScope</translation>
        </message>
        <message>
            <source>error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Restore the last session?</source>
            <translation>Letzte Sitzung wiederherstellen?</translation>
        </message>
        <message>
            <source>RouteScope did not close cleanly last time. Restore its open runs, layout and notes?</source>
            <translation>RouteScope wurde beim letzten Mal nicht sauber beendet. Geöffnete Läufe, Anordnung und Notizen wiederherstellen?</translation>
        </message>
        <message>
            <source>Restored the previous session.</source>
            <translation>Die vorige Sitzung wurde wiederhergestellt.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Open run store…</source>
            <translation>Laufspeicher ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>&amp;Import bundle…</source>
            <translation>Bündel &amp;importieren…</translation>
        </message>
        <message>
            <source>Export &amp;figure…</source>
            <translation>&amp;Abbildung exportieren…</translation>
        </message>
        <message>
            <source>Export &amp;report…</source>
            <translation>&amp;Bericht exportieren…</translation>
        </message>
        <message>
            <source>Recent &amp;runs</source>
            <translation>&amp;Zuletzt geöffnete Läufe</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Ausführen</translation>
        </message>
        <message>
            <source>No study plugins loaded</source>
            <translation>Keine Studien-Plugins geladen</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Reset &amp;layout</source>
            <translation>&amp;Anordnung zurücksetzen</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Demos</source>
            <translation>&amp;Demos</translation>
        </message>
        <message>
            <source>No demos available</source>
            <translation>Keine Demos verfügbar</translation>
        </message>
        <message>
            <source>&amp;About RouteScope</source>
            <translation>Ü&amp;ber RouteScope</translation>
        </message>
        <message>
            <source>No recent runs</source>
            <translation>Keine zuletzt geöffneten Läufe</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::MapPanel</name>
        <message>
            <source>Colour and width by</source>
            <translation>Farbe und Breite nach</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::moe::MoePlugin</name>
        <message>
            <source>Train the demo model (OpenMoE linear router)</source>
            <translation>Demo-Modell trainieren (linearer OpenMoE-Router)</translation>
        </message>
        <message>
            <source>Train the demo model (RMoE GRU router)</source>
            <translation>Demo-Modell trainieren (GRU-Router nach RMoE)</translation>
        </message>
        <message>
            <source>Train the demo model (expert-choice router)</source>
            <translation>Demo-Modell trainieren (Expert-Choice-Router)</translation>
        </message>
        <message>
            <source>Build the corpus</source>
            <translation>Korpus erstellen</translation>
        </message>
        <message>
            <source>Mixture-of-Experts routing</source>
            <translation>Mixture-of-Experts-Routing</translation>
        </message>
        <message>
            <source>Trains the small demo language model (a few minutes on two cores), traces its routing at every checkpoint and walks through the OpenMoE and RMoE findings with the values measured on this run: specialisation on token identity, early routing learning, drops towards the end of a sequence, domain experts and cross-layer dependence.</source>
            <translation>Trainiert das kleine Demo-Sprachmodell (einige Minuten auf zwei Kernen), zeichnet sein Routing an jedem Checkpoint auf und geht die Befunde von OpenMoE und RMoE mit den in diesem Lauf gemessenen Werten durch: Spezialisierung auf die Token-Identität, frühes Lernen des Routings, Verwerfen gegen Ende einer Sequenz, Domänen-Experten und Abhängigkeit zwischen Schichten.</translation>
        </message>
        <message>
            <source>Mixture-of-Experts routing demo</source>
            <translation>Demo: Mixture-of-Experts-Routing</translation>
        </message>
        <message>
            <source>Share of top-k choices dropped (beyond capacity)</source>
            <translation>Anteil verworfener Top-k-Zuordnungen (über der Kapazität)</translation>
        </message>
        <message>
            <source>drop rate</source>
            <translation>Verwurfrate</translation>
        </message>
        <message>
            <source>Entropy of the expert load</source>
            <translation>Entropie der Expertenlast</translation>
        </message>
        <message>
            <source>bits</source>
            <translation>Bit</translation>
        </message>
        <message>
            <source>Routing analyses</source>
            <translation>Routing-Analysen</translation>
        </message>
        <message>
            <source>The routing traces could not be analysed: %1</source>
            <translation>Die Routing-Traces konnten nicht analysiert werden: %1</translation>
        </message>
        <message>
            <source>The routing of checkpoint %1 on %2 traced tokens, with early routing learning and the load over all %3 traced checkpoints. Mutual information is corrected by a shuffled-label baseline.</source>
            <translation>Das Routing des Checkpoints %1 auf %2 aufgezeichneten Token, mit frühem Routing-Lernen und der Last über alle %3 aufgezeichneten Checkpoints. Die Transinformation ist um eine Basislinie mit gemischten Labels korrigiert.</translation>
        </message>
        <message>
            <source>%1 (did not appear)</source>
            <translation>%1 (nicht aufgetreten)</translation>
        </message>
        <message>
            <source>MoE language model</source>
            <translation>MoE-Sprachmodell</translation>
        </message>
        <message>
            <source>router</source>
            <translation>Router</translation>
        </message>
        <message>
            <source>layers × experts, top-k</source>
            <translation>Schichten × Experten, Top-k</translation>
        </message>
        <message>
            <source>parameters</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>validation bits per byte</source>
            <translation>Validierung: Bit pro Byte</translation>
        </message>
        <message>
            <source>unigram bits per byte</source>
            <translation>Unigramm: Bit pro Byte</translation>
        </message>
        <message>
            <source>training tokens per second</source>
            <translation>Trainings-Token pro Sekunde</translation>
        </message>
        <message>
            <source>Bits per byte divide the validation cross-entropy by the text's size in bytes, so models with different tokenizers compare directly. The unigram model predicts every token from its training frequency alone: the language model must beat it by learning context.</source>
            <translation>Bit pro Byte teilen die Kreuzentropie der Validierung durch die Größe des Textes in Byte, sodass sich Modelle mit verschiedenen Tokenizern direkt vergleichen lassen. Das Unigramm-Modell sagt jedes Token allein aus seiner Häufigkeit im Training voraus: Das Sprachmodell muss es schlagen, indem es Kontext lernt.</translation>
        </message>
        <message>
            <source>Mixture of Experts</source>
            <translation>Mixture of Experts</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::moe::MoeRunView</name>
        <message>
            <source>Export figure…</source>
            <translation>Abbildung exportieren…</translation>
        </message>
        <message>
            <source>Save the current figure as PNG, SVG or PDF, or its data as CSV</source>
            <translation>Die aktuelle Abbildung als PNG, SVG oder PDF speichern, oder ihre Daten als CSV</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Befunde</translation>
        </message>
        <message>
            <source>This run stored no figures.</source>
            <translation>Dieser Lauf hat keine Abbildungen gespeichert.</translation>
        </message>
        <message>
            <source>This run has no routing traces: the analyses need `trace.tokens` &gt; 0.</source>
            <translation>Dieser Lauf hat keine Routing-Traces: die Analysen brauchen `trace.tokens` &gt; 0.</translation>
        </message>
        <message>
            <source>This run has no routing traces, so there are no findings to show.</source>
            <translation>Dieser Lauf hat keine Routing-Traces, daher gibt es keine Befunde zu zeigen.</translation>
        </message>
        <message>
            <source>Analysing the routing…</source>
            <translation>Routing wird analysiert…</translation>
        </message>
        <message>
            <source>The routing traces could not be read: %1</source>
            <translation>Die Routing-Traces konnten nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>The routing could not be analysed: %1</source>
            <translation>Das Routing konnte nicht analysiert werden: %1</translation>
        </message>
        <message>
            <source>The current tab is not a figure.</source>
            <translation>Der aktuelle Reiter ist keine Abbildung.</translation>
        </message>
        <message>
            <source>Export figure</source>
            <translation>Abbildung exportieren</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf);;Data as CSV (*.csv)</source>
            <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;PDF-Dokument (*.pdf);;Daten als CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::NetworkMapView</name>
        <message>
            <source>built candidate (thick outline): %1 of %2</source>
            <translation>gebauter Kandidat (dick umrandet): %1 von %2</translation>
        </message>
        <message>
            <source>the design</source>
            <translation>den Entwurf</translation>
        </message>
        <message>
            <source>the %1 design</source>
            <translation>den Entwurf %1</translation>
        </message>
        <message>
            <source>%1 — flow change by %2; %3</source>
            <translation>%1 — Flussänderung durch %2; %3</translation>
        </message>
        <message>
            <source>flow</source>
            <translation>Verkehrsstärke</translation>
        </message>
        <message>
            <source>v/c</source>
            <translation>V/K</translation>
        </message>
        <message>
            <source>time (min)</source>
            <translation>Zeit (min)</translation>
        </message>
        <message>
            <source>Δ flow</source>
            <translation>Δ Verkehrsstärke</translation>
        </message>
        <message>
            <source>flow (vehicles per hour)</source>
            <translation>Verkehrsstärke (Fahrzeuge pro Stunde)</translation>
        </message>
        <message>
            <source>volume / capacity</source>
            <translation>Auslastung (Verkehrsstärke / Kapazität)</translation>
        </message>
        <message>
            <source>travel time (minutes)</source>
            <translation>Reisezeit (Minuten)</translation>
        </message>
        <message>
            <source>flow difference to the base run</source>
            <translation>Differenz der Verkehrsstärke zum Vergleichslauf</translation>
        </message>
        <message>
            <source>zone (origin/destination)</source>
            <translation>Bezirk (Quelle/Ziel)</translation>
        </message>
        <message>
            <source>node</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <source>closed link</source>
            <translation>gesperrte Strecke</translation>
        </message>
        <message>
            <source>arrow on the right of its direction, wider for larger |value|</source>
            <translation>Pfeil rechts seiner Richtung, breiter bei größerem |Wert|</translation>
        </message>
    </context>
    <context>
        <name>routescope::gui::PluginSidebar</name>
        <message>
            <source>No study plugins were found.</source>
            <translation>Es wurden keine Studien-Plugins gefunden.</translation>
        </message>
        <message>
            <source>Studies</source>
            <translation>Studien</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Metrics</source>
            <translation>Metriken</translation>
        </message>
        <message>
            <source>metric</source>
            <translation>Metrik</translation>
        </message>
        <message>
            <source>points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>steps</source>
            <translation>Schritte</translation>
        </message>
        <message>
            <source>last</source>
            <translation>letzter</translation>
        </message>
        <message>
            <source>min</source>
            <translation>Min.</translation>
        </message>
        <message>
            <source>max</source>
            <translation>Max.</translation>
        </message>
        <message>
            <source>Run %1: %2 %3</source>
            <translation>Lauf %1: %2 %3</translation>
        </message>
        <message>
            <source>RouteScope report written %1</source>
            <translation>RouteScope-Bericht, erstellt %1</translation>
        </message>
        <message>
            <source>What was run</source>
            <translation>Was ausgeführt wurde</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>Study / kind</source>
            <translation>Studie / Art</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <source>Recreate with</source>
            <translation>Neu erzeugen mit</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Gruppe</translation>
        </message>
        <message>
            <source>Configuration</source>
            <translation>Konfiguration</translation>
        </message>
        <message>
            <source>config hash</source>
            <translation>Konfigurations-Hash</translation>
        </message>
        <message>
            <source>Provenance</source>
            <translation>Herkunft</translation>
        </message>
        <message>
            <source>Input files</source>
            <translation>Eingabedateien</translation>
        </message>
        <message>
            <source>path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <source>bytes</source>
            <translation>Bytes</translation>
        </message>
        <message>
            <source>This run recorded no metrics.</source>
            <translation>Dieser Lauf hat keine Metriken aufgezeichnet.</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Abbildungen</translation>
        </message>
        <message>
            <source>Comparison of %1 runs</source>
            <translation>Vergleich von %1 Läufen</translation>
        </message>
        <message>
            <source>Runs side by side</source>
            <translation>Läufe nebeneinander</translation>
        </message>
        <message>
            <source>key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>study / kind</source>
            <translation>Studie / Art</translation>
        </message>
        <message>
            <source>Final value of shared metrics</source>
            <translation>Endwert gemeinsamer Metriken</translation>
        </message>
        <message>
            <source>LibTorch sgemm throughput by matrix size</source>
            <translation>LibTorch-sgemm-Durchsatz nach Matrixgröße</translation>
        </message>
        <message>
            <source>matrix shape M×K×N</source>
            <translation>Matrixform M×K×N</translation>
        </message>
        <message>
            <source>GFLOP/s</source>
            <translation>GFLOP/s</translation>
        </message>
        <message numerus="yes">
            <source>%n thread(s)</source>
            <translation>
                <numerusform>%n Thread</numerusform>
                <numerusform>%n Threads</numerusform>
            </translation>
        </message>
        <message>
            <source>LibTorch sgemm throughput by thread count</source>
            <translation>LibTorch-sgemm-Durchsatz nach Threadzahl</translation>
        </message>
        <message>
            <source>threads</source>
            <translation>Threads</translation>
        </message>
        <message>
            <source>peak</source>
            <translation>Spitze</translation>
        </message>
        <message>
            <source>Training check: mean squared error</source>
            <translation>Trainingsprüfung: mittlerer quadratischer Fehler</translation>
        </message>
        <message>
            <source>step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>Verlust</translation>
        </message>
        <message>
            <source>%1 vehicles travel from node 1 to node 2. Without the middle link 3→4 they split evenly, and the user equilibrium's total travel time (TSTT) is %2, %3 per vehicle.</source>
            <translation>%1 Fahrzeuge fahren von Knoten 1 nach Knoten 2. Ohne die mittlere Strecke 3→4 teilen sie sich gleichmäßig auf, und die Gesamtreisezeit (TSTT) des Nutzergleichgewichts beträgt %2, %3 je Fahrzeug.</translation>
        </message>
        <message>
            <source>Adding the middle link tempts %1 vehicles onto it, and at the new equilibrium the TSTT rises to %2, %3 per vehicle: everyone is slower, although nobody can gain by changing route alone.</source>
            <translation>Die zusätzliche mittlere Strecke lockt %1 Fahrzeuge an, und im neuen Gleichgewicht steigt die TSTT auf %2, %3 je Fahrzeug: Alle sind langsamer, obwohl niemand allein durch einen Routenwechsel gewinnen kann.</translation>
        </message>
        <message>
            <source>The system optimum on the same network keeps the TSTT at %1: the extra road only pays off when traffic is routed for the total, not by each driver for themselves.</source>
            <translation>Das Systemoptimum im selben Netz hält die TSTT bei %1: Die zusätzliche Straße lohnt sich nur, wenn der Verkehr für das Ganze gelenkt wird und nicht von jedem Fahrer für sich.</translation>
        </message>
        <message>
            <source>Relative gap versus time</source>
            <translation>Relative Lücke über der Zeit</translation>
        </message>
        <message>
            <source>Relative gap versus iteration</source>
            <translation>Relative Lücke über der Iteration</translation>
        </message>
        <message>
            <source>seconds</source>
            <translation>Sekunden</translation>
        </message>
        <message>
            <source>iteration</source>
            <translation>Iteration</translation>
        </message>
        <message>
            <source>relative gap (TSTT − SPTT) / TSTT</source>
            <translation>relative Lücke (TSTT − SPTT) / TSTT</translation>
        </message>
        <message>
            <source>algorithm</source>
            <translation>Algorithmus</translation>
        </message>
        <message>
            <source>total system travel time (TSTT)</source>
            <translation>Gesamtreisezeit des Systems (TSTT)</translation>
        </message>
        <message>
            <source>Beckmann objective</source>
            <translation>Beckmann-Zielfunktion</translation>
        </message>
        <message>
            <source>relative gap (TSTT − SPTT) / SPTT</source>
            <translation>relative Lücke (TSTT − SPTT) / SPTT</translation>
        </message>
        <message>
            <source>iterations</source>
            <translation>Iterationen</translation>
        </message>
        <message>
            <source>solve time (s)</source>
            <translation>Lösungszeit (s)</translation>
        </message>
        <message>
            <source>stopped because</source>
            <translation>beendet wegen</translation>
        </message>
        <message>
            <source>TSTT before the edits</source>
            <translation>TSTT vor den Änderungen</translation>
        </message>
        <message>
            <source>TSTT after the edits</source>
            <translation>TSTT nach den Änderungen</translation>
        </message>
        <message>
            <source>TSTT change</source>
            <translation>Änderung der TSTT</translation>
        </message>
        <message>
            <source>iterations, warm start</source>
            <translation>Iterationen, Warmstart</translation>
        </message>
        <message>
            <source>iterations, cold start</source>
            <translation>Iterationen, Kaltstart</translation>
        </message>
        <message>
            <source>edits</source>
            <translation>Änderungen</translation>
        </message>
        <message>
            <source>Algorithms on the same network</source>
            <translation>Algorithmen im selben Netz</translation>
        </message>
        <message>
            <source>TSTT</source>
            <translation>TSTT</translation>
        </message>
        <message>
            <source>relative gap</source>
            <translation>relative Lücke</translation>
        </message>
        <message>
            <source>The ten most congested links</source>
            <translation>Die zehn am stärksten ausgelasteten Strecken</translation>
        </message>
        <message>
            <source>link</source>
            <translation>Strecke</translation>
        </message>
        <message>
            <source>from</source>
            <translation>von</translation>
        </message>
        <message>
            <source>to</source>
            <translation>nach</translation>
        </message>
        <message>
            <source>flow</source>
            <translation>Verkehrsstärke</translation>
        </message>
        <message>
            <source>capacity</source>
            <translation>Kapazität</translation>
        </message>
        <message>
            <source>v/c</source>
            <translation>V/K</translation>
        </message>
        <message>
            <source>travel time</source>
            <translation>Reisezeit</translation>
        </message>
        <message>
            <source>Traffic assignment</source>
            <translation>Verkehrsumlegung</translation>
        </message>
        <message>
            <source>network</source>
            <translation>Netz</translation>
        </message>
        <message>
            <source>The relative gap (TSTT − SPTT) / TSTT measures how far the flows are from user equilibrium: the share of travel time that drivers could still save by switching to their current shortest paths.</source>
            <translation>Die relative Lücke (TSTT − SPTT) / TSTT misst, wie weit die Verkehrsstärken vom Nutzergleichgewicht entfernt sind: den Anteil der Reisezeit, den die Fahrer durch einen Wechsel auf ihre aktuell kürzesten Wege noch sparen könnten.</translation>
        </message>
        <message>
            <source>The Braess paradox</source>
            <translation>Das Braess-Paradoxon</translation>
        </message>
        <message>
            <source>Training and validation loss</source>
            <translation>Trainings- und Validierungsverlust</translation>
        </message>
        <message>
            <source>cross-entropy (nats per token)</source>
            <translation>Kreuzentropie (Nat pro Token)</translation>
        </message>
        <message>
            <source>training loss</source>
            <translation>Trainingsverlust</translation>
        </message>
        <message>
            <source>validation loss</source>
            <translation>Validierungsverlust</translation>
        </message>
        <message>
            <source>Validation bits per byte against a unigram model of the same tokens</source>
            <translation>Bit pro Byte der Validierung im Vergleich zu einem Unigramm-Modell derselben Token</translation>
        </message>
        <message>
            <source>bits per byte</source>
            <translation>Bit pro Byte</translation>
        </message>
        <message>
            <source>model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>unigram model</source>
            <translation>Unigramm-Modell</translation>
        </message>
        <message>
            <source>MoE layer %1</source>
            <translation>MoE-Schicht %1</translation>
        </message>
        <message>
            <source>Share of top-k choices dropped by position in the sequence</source>
            <translation>Anteil verworfener Top-k-Wahlen nach Position in der Sequenz</translation>
        </message>
        <message>
            <source>position (bin centre)</source>
            <translation>Position (Klassenmitte)</translation>
        </message>
        <message>
            <source>drop ratio</source>
            <translation>Verwerfungsrate</translation>
        </message>
        <message>
            <source>all layers</source>
            <translation>alle Schichten</translation>
        </message>
        <message>
            <source>layer %1</source>
            <translation>Schicht %1</translation>
        </message>
        <message>
            <source>domain %1</source>
            <translation>Domäne %1</translation>
        </message>
        <message>
            <source>Share of each domain's tokens per expert (layer %1)</source>
            <translation>Anteil der Token jeder Domäne je Experte (Schicht %1)</translation>
        </message>
        <message>
            <source>expert %1</source>
            <translation>Experte %1</translation>
        </message>
        <message>
            <source>(no domain)</source>
            <translation>(keine Domäne)</translation>
        </message>
        <message>
            <source>uniform (1/%1)</source>
            <translation>gleichverteilt (1/%1)</translation>
        </message>
        <message>
            <source>Mutual information between layers' routing (bits)</source>
            <translation>Transinformation zwischen dem Routing der Schichten (Bit)</translation>
        </message>
        <message>
            <source>e%1</source>
            <translation>E%1</translation>
        </message>
        <message>
            <source>Share of each layer's routed choices per expert (× dead expert; uniform %1)</source>
            <translation>Anteil der gerouteten Wahlen jeder Schicht je Experte (× toter Experte; gleichverteilt %1)</translation>
        </message>
        <message>
            <source>Top-1 routing agreement across checkpoints</source>
            <translation>Übereinstimmung des Top-1-Routings über die Checkpoints</translation>
        </message>
        <message>
            <source>training step</source>
            <translation>Trainingsschritt</translation>
        </message>
        <message>
            <source>share of (token, layer) pairs</source>
            <translation>Anteil der Paare (Token, Schicht)</translation>
        </message>
        <message>
            <source>with the final checkpoint</source>
            <translation>mit dem letzten Checkpoint</translation>
        </message>
        <message>
            <source>with the previous checkpoint</source>
            <translation>mit dem vorigen Checkpoint</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>What the routing depends on: corrected mutual information per layer (band: bias)</source>
            <translation>Wovon das Routing abhängt: korrigierte Transinformation je Schicht (Band: Verzerrung)</translation>
        </message>
        <message>
            <source>MoE layer</source>
            <translation>MoE-Schicht</translation>
        </message>
        <message>
            <source>bits</source>
            <translation>Bit</translation>
        </message>
        <message>
            <source>I(expert; token)</source>
            <translation>I(Experte; Token)</translation>
        </message>
        <message>
            <source>I(expert; position)</source>
            <translation>I(Experte; Position)</translation>
        </message>
        <message>
            <source>I(expert; previous token)</source>
            <translation>I(Experte; vorheriges Token)</translation>
        </message>
        <message>
            <source>H(expert)</source>
            <translation>H(Experte)</translation>
        </message>
        <message>
            <source>GRU router states, first two principal components (%1 % of the variance)</source>
            <translation>Zustände des GRU-Routers, erste zwei Hauptkomponenten (%1 % der Varianz)</translation>
        </message>
        <message>
            <source>PC 1</source>
            <translation>HK 1</translation>
        </message>
        <message>
            <source>PC 2</source>
            <translation>HK 2</translation>
        </message>
        <message>
            <source>Routing per token</source>
            <translation>Routing je Token</translation>
        </message>
        <message>
            <source>Specialisation</source>
            <translation>Spezialisierung</translation>
        </message>
        <message>
            <source>Routing over training</source>
            <translation>Routing im Trainingsverlauf</translation>
        </message>
        <message>
            <source>Drops by position</source>
            <translation>Verwerfen nach Position</translation>
        </message>
        <message>
            <source>Domains per expert</source>
            <translation>Domänen je Experte</translation>
        </message>
        <message>
            <source>Cross-layer MI</source>
            <translation>Transinformation zwischen Schichten</translation>
        </message>
        <message>
            <source>Expert load</source>
            <translation>Expertenlast</translation>
        </message>
        <message>
            <source>GRU router states</source>
            <translation>Zustände des GRU-Routers</translation>
        </message>
        <message>
            <source>Each column is one traced token, each row one expert of one MoE layer; the colour is the router's probability for that expert and a cross marks a choice dropped beyond the expert's capacity.</source>
            <translation>Jede Spalte ist ein aufgezeichnetes Token, jede Zeile ein Experte einer MoE-Schicht; die Farbe ist die Wahrscheinlichkeit des Routers für diesen Experten, ein Kreuz markiert eine Wahl, die jenseits der Kapazität des Experten verworfen wurde.</translation>
        </message>
        <message>
            <source>Mutual information between a token's top-1 expert and its token id, its position bucket and the previous token, each minus the mean over shuffled labels (the band is that bias); a token-id value close to H(expert) means routing by token identity, whatever the context.</source>
            <translation>Transinformation zwischen dem Top-1-Experten eines Tokens und seiner Token-ID, seiner Positionsklasse und dem vorherigen Token, jeweils abzüglich des Mittels über gemischte Labels (das Band ist diese Verzerrung); ein Wert für die Token-ID nahe H(Experte) bedeutet Routing nach Token-Identität, unabhängig vom Kontext.</translation>
        </message>
        <message>
            <source>Share of (token, layer) pairs whose top-1 expert at a checkpoint equals the final checkpoint's and the previous one's, on the same traced text; crossing the 90 % line early means routing was learnt early in training.</source>
            <translation>Anteil der Paare (Token, Schicht), deren Top-1-Experte an einem Checkpoint dem des letzten und des vorigen Checkpoints gleicht, auf demselben aufgezeichneten Text; überschreitet die Kurve die 90-%-Linie früh, wurde das Routing früh im Training gelernt.</translation>
        </message>
        <message>
            <source>Share of top-k choices dropped because the expert was full, by position in the sequence; a curve rising to the right means the tokens at the end of a sequence lose their experts most often.</source>
            <translation>Anteil der Top-k-Wahlen, die verworfen wurden, weil der Experte voll war, nach Position in der Sequenz; eine nach rechts steigende Kurve heißt, dass die Token am Ende einer Sequenz ihre Experten am häufigsten verlieren.</translation>
        </message>
        <message>
            <source>Share of each corpus domain's tokens that each expert of the deepest MoE layer receives, one spoke per expert; a domain bulging towards a few spokes has experts of its own.</source>
            <translation>Anteil der Token jeder Korpus-Domäne, den jeder Experte der tiefsten MoE-Schicht erhält, eine Speiche je Experte; eine Domäne, die sich zu wenigen Speichen hin ausbeult, hat eigene Experten.</translation>
        </message>
        <message>
            <source>Share of each layer's routed choices that every expert receives; crosses mark dead experts, which get less than 1 % of the uniform share.</source>
            <translation>Anteil der gerouteten Wahlen jeder Schicht, den jeder Experte erhält; Kreuze markieren tote Experten, die weniger als 1 % des gleichverteilten Anteils bekommen.</translation>
        </message>
        <message>
            <source>The GRU router's hidden states of the traced tokens projected on their first two principal components, coloured by layer: how the recurrent state moves as a token passes through the layers.</source>
            <translation>Die verborgenen Zustände des GRU-Routers für die aufgezeichneten Token, projiziert auf ihre ersten zwei Hauptkomponenten und nach Schicht gefärbt: wie sich der rekurrente Zustand bewegt, während ein Token die Schichten durchläuft.</translation>
        </message>
        <message>
            <source>%1: the figure %2 has no data export</source>
            <translation>%1: die Abbildung %2 hat keinen Datenexport</translation>
        </message>
        <message>
            <source>%1: cannot write (%2)</source>
            <translation>%1: kann nicht geschrieben werden (%2)</translation>
        </message>
        <message>
            <source>%1: unknown figure format (use .png, .svg, .pdf or .csv)</source>
            <translation>%1: unbekanntes Abbildungsformat (.png, .svg, .pdf oder .csv verwenden)</translation>
        </message>
        <message>
            <source>This finding did not appear on this run.</source>
            <translation>Dieser Befund ist in diesem Lauf nicht aufgetreten.</translation>
        </message>
        <message>
            <source>The demo model</source>
            <translation>Das Demo-Modell</translation>
        </message>
        <message>
            <source>The model has %1 MoE layers of %2 experts and a %3 router that sends each token to its top %4. Its routing was traced on %5 tokens at %6 checkpoints.</source>
            <translation>Das Modell hat %1 MoE-Schichten mit je %2 Experten und einen %3-Router, der jedes Token an seine besten %4 schickt. Sein Routing wurde auf %5 Token an %6 Checkpoints aufgezeichnet.</translation>
        </message>
        <message>
            <source>It reached %1 bits per byte on the validation text.</source>
            <translation>Es erreichte %1 Bit pro Byte auf dem Validierungstext.</translation>
        </message>
        <message>
            <source>In the heatmap each column is a token and each row an expert; drag the checkpoint slider to watch the routing settle.</source>
            <translation>In der Heatmap ist jede Spalte ein Token und jede Zeile ein Experte; ziehen Sie den Checkpoint-Regler, um zu sehen, wie sich das Routing festigt.</translation>
        </message>
        <message>
            <source>Context-independent specialisation</source>
            <translation>Kontextunabhängige Spezialisierung</translation>
        </message>
        <message>
            <source>The trace has too few tokens to estimate it.</source>
            <translation>Der Trace hat zu wenige Token, um ihn zu schätzen.</translation>
        </message>
        <message>
            <source>Averaged over the layers, the top-1 expert carries %1 bits about the token id, %2 bits about the position and %3 bits about the previous token (corrected for bias; the expert choice itself has %4 bits of entropy).</source>
            <translation>Gemittelt über die Schichten trägt der Top-1-Experte %1 Bit über die Token-ID, %2 Bit über die Position und %3 Bit über das vorherige Token (um die Verzerrung korrigiert; die Expertenwahl selbst hat %4 Bit Entropie).</translation>
        </message>
        <message>
            <source>OpenMoE found that routers specialise on token identity, not on context.</source>
            <translation>OpenMoE fand, dass sich Router auf die Token-Identität spezialisieren, nicht auf den Kontext.</translation>
        </message>
        <message>
            <source>A frequent token goes to its usual expert in %1 % of its occurrences.</source>
            <translation>Ein häufiges Token geht in %1 % seiner Vorkommen an seinen üblichen Experten.</translation>
        </message>
        <message>
            <source>The token id does not tell more about the expert than the context does.</source>
            <translation>Die Token-ID verrät nicht mehr über den Experten als der Kontext.</translation>
        </message>
        <message>
            <source>Early routing learning</source>
            <translation>Frühes Lernen des Routings</translation>
        </message>
        <message>
            <source>It needs at least two checkpoints traced on the same text, and this run has fewer.</source>
            <translation>Dafür braucht es mindestens zwei auf demselben Text aufgezeichnete Checkpoints, und dieser Lauf hat weniger.</translation>
        </message>
        <message>
            <source>At step %1 already %2 % of the (token, layer) pairs chose the same top-1 expert as at the final step %3.</source>
            <translation>Schon bei Schritt %1 wählten %2 % der Paare (Token, Schicht) denselben Top-1-Experten wie beim letzten Schritt %3.</translation>
        </message>
        <message>
            <source>OpenMoE found that routing is learnt early and then barely changes.</source>
            <translation>OpenMoE fand, dass das Routing früh gelernt wird und sich danach kaum ändert.</translation>
        </message>
        <message>
            <source>Agreement passed %1 % at step %2, %3 % of the way through training.</source>
            <translation>Die Übereinstimmung überschritt %1 % bei Schritt %2, nach %3 % des Trainings.</translation>
        </message>
        <message>
            <source>Agreement passed %1 % only at step %2, late in training.</source>
            <translation>Die Übereinstimmung überschritt %1 % erst bei Schritt %2, spät im Training.</translation>
        </message>
        <message>
            <source>Drops towards the end of the sequence</source>
            <translation>Verwerfen gegen Ende der Sequenz</translation>
        </message>
        <message>
            <source>The trace records no dropped choices.</source>
            <translation>Der Trace verzeichnet keine verworfenen Wahlen.</translation>
        </message>
        <message>
            <source>No choice was dropped: every expert had room for every token routed to it.</source>
            <translation>Keine Wahl wurde verworfen: jeder Experte hatte Platz für jedes an ihn geroutete Token.</translation>
        </message>
        <message>
            <source>%1 % of all top-k choices were dropped: %2 % in the first position bin and %3 % in the last.</source>
            <translation>%1 % aller Top-k-Wahlen wurden verworfen: %2 % in der ersten Positionsklasse und %3 % in der letzten.</translation>
        </message>
        <message>
            <source>OpenMoE found that tokens late in a sequence are dropped more often, because the experts fill up with the earlier ones.</source>
            <translation>OpenMoE fand, dass späte Token einer Sequenz häufiger verworfen werden, weil sich die Experten mit den früheren füllen.</translation>
        </message>
        <message>
            <source>Late tokens were not dropped clearly more often than early ones.</source>
            <translation>Späte Token wurden nicht deutlich häufiger verworfen als frühe.</translation>
        </message>
        <message>
            <source>Domain specialisation</source>
            <translation>Domänen-Spezialisierung</translation>
        </message>
        <message>
            <source>The traced text comes from fewer than two domains.</source>
            <translation>Der aufgezeichnete Text stammt aus weniger als zwei Domänen.</translation>
        </message>
        <message>
            <source>The strongest preference: expert %1 of layer %2 receives %3 % of the "%4" tokens, %5 times its uniform share of %6 %.</source>
            <translation>Die stärkste Vorliebe: Experte %1 der Schicht %2 erhält %3 % der Token von „%4“, das %5-Fache seines gleichverteilten Anteils von %6 %.</translation>
        </message>
        <message>
            <source>OpenMoE's radar charts show experts that favour some domains.</source>
            <translation>Die Netzdiagramme von OpenMoE zeigen Experten, die einige Domänen bevorzugen.</translation>
        </message>
        <message>
            <source>No expert clearly favours a domain.</source>
            <translation>Kein Experte bevorzugt deutlich eine Domäne.</translation>
        </message>
        <message>
            <source>Routing across layers</source>
            <translation>Routing über die Schichten</translation>
        </message>
        <message>
            <source>The model has a single MoE layer.</source>
            <translation>Das Modell hat nur eine MoE-Schicht.</translation>
        </message>
        <message>
            <source>Between two different layers, the top-1 choices share %1 bits on average (corrected).</source>
            <translation>Zwischen zwei verschiedenen Schichten teilen die Top-1-Wahlen im Mittel %1 Bit (korrigiert).</translation>
        </message>
        <message>
            <source>RMoE found that a layer's routing tells much about the next one's.</source>
            <translation>RMoE fand, dass das Routing einer Schicht viel über das der nächsten verrät.</translation>
        </message>
        <message>
            <source>The layers route almost independently of each other.</source>
            <translation>Die Schichten routen fast unabhängig voneinander.</translation>
        </message>
        <message>
            <source>The busiest expert of a layer gets %1 times the uniform share on average.</source>
            <translation>Der meistbeschäftigte Experte einer Schicht erhält im Mittel das %1-Fache des gleichverteilten Anteils.</translation>
        </message>
        <message>
            <source>The balance loss kept every expert in use: no expert is dead.</source>
            <translation>Der Balance-Verlust hielt jeden Experten in Gebrauch: kein Experte ist tot.</translation>
        </message>
        <message>
            <source>%1 expert(s) receive almost no tokens (dead).</source>
            <translation>%1 Experte(n) erhalten fast keine Token (tot).</translation>
        </message>
        <message>
            <source>The GRU router's memory</source>
            <translation>Das Gedächtnis des GRU-Routers</translation>
        </message>
        <message>
            <source>The trace has no GRU states.</source>
            <translation>Der Trace enthält keine GRU-Zustände.</translation>
        </message>
        <message>
            <source>RMoE's router carries a recurrent state from layer to layer. The first two principal components hold %1 % of its variance.</source>
            <translation>Der Router von RMoE trägt einen rekurrenten Zustand von Schicht zu Schicht. Die ersten zwei Hauptkomponenten enthalten %1 % seiner Varianz.</translation>
        </message>
        <message>
            <source>The mean update gate is %1: the share of the state renewed at each layer.</source>
            <translation>Das mittlere Update-Gate ist %1: der Anteil des Zustands, der in jeder Schicht erneuert wird.</translation>
        </message>
        <message>
            <source>L%1 e%2</source>
            <translation>S%1 E%2</translation>
        </message>
        <message>
            <source>&lt;p&gt;token %1 · sequence %2, position %3 · domain %4 · step %5&lt;/p&gt;</source>
            <translation>&lt;p&gt;Token %1 · Sequenz %2, Position %3 · Domäne %4 · Schritt %5&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;This checkpoint traced other text.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Dieser Checkpoint hat anderen Text aufgezeichnet.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Path (top-1 per layer):&lt;/b&gt; %1&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Pfad (Top-1 je Schicht):&lt;/b&gt; %1&lt;/p&gt;</translation>
        </message>
        <message>
            <source> &lt;b&gt;dropped&lt;/b&gt;</source>
            <translation> &lt;b&gt;verworfen&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;layer %1&lt;/b&gt;&lt;/td&gt;&lt;td colspan='%2'&gt;%3&lt;/td&gt;&lt;/tr&gt;</source>
            <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Schicht %1&lt;/b&gt;&lt;/td&gt;&lt;td colspan='%2'&gt;%3&lt;/td&gt;&lt;/tr&gt;</translation>
        </message>
        <message>
            <source>no expert</source>
            <translation>kein Experte</translation>
        </message>
        <message>
            <source>&lt;p&gt;GRU mean update gate per layer: %1&lt;/p&gt;</source>
            <translation>&lt;p&gt;Mittleres GRU-Update-Gate je Schicht: %1&lt;/p&gt;</translation>
        </message>
        <message>
            <source>design cost %1</source>
            <translation>Entwurfskosten %1</translation>
        </message>
        <message>
            <source>design cost %1 of budget %2 (%3 %)</source>
            <translation>Entwurfskosten %1 von Budget %2 (%3 %)</translation>
        </message>
        <message>
            <source>Genetic algorithm: fitness per generation</source>
            <translation>Genetischer Algorithmus: Fitness je Generation</translation>
        </message>
        <message>
            <source>generation</source>
            <translation>Generation</translation>
        </message>
        <message>
            <source>TSTT of the design (fitness)</source>
            <translation>TSTT des Entwurfs (Fitness)</translation>
        </message>
        <message>
            <source> (surrogate)</source>
            <translation> (Surrogat)</translation>
        </message>
        <message>
            <source>%1: best</source>
            <translation>%1: bester</translation>
        </message>
        <message>
            <source>%1: population mean</source>
            <translation>%1: Mittel der Population</translation>
        </message>
        <message>
            <source>Genetic algorithm: fitness per generation (GNN values are predictions)</source>
            <translation>Genetischer Algorithmus: Fitness je Generation (GNN-Werte sind Vorhersagen)</translation>
        </message>
        <message>
            <source>TSTT by user equilibrium</source>
            <translation>TSTT im Nutzergleichgewicht</translation>
        </message>
        <message>
            <source>flow by user equilibrium</source>
            <translation>Fluss im Nutzergleichgewicht</translation>
        </message>
        <message>
            <source>TSTT predicted by the surrogate</source>
            <translation>vom Surrogat vorhergesagte TSTT</translation>
        </message>
        <message>
            <source>flow predicted by the surrogate</source>
            <translation>vom Surrogat vorhergesagter Fluss</translation>
        </message>
        <message>
            <source>y = x (perfect prediction)</source>
            <translation>y = x (perfekte Vorhersage)</translation>
        </message>
        <message>
            <source>validation samples</source>
            <translation>Validierungsbeispiele</translation>
        </message>
        <message>
            <source>link flows</source>
            <translation>Streckenflüsse</translation>
        </message>
        <message>
            <source>%1 of %2 link flows shown</source>
            <translation>%1 von %2 Streckenflüssen gezeigt</translation>
        </message>
        <message>
            <source>Budget versus best TSTT (Pareto front)</source>
            <translation>Budget gegen beste TSTT (Pareto-Front)</translation>
        </message>
        <message>
            <source>budget (% of the total candidate cost)</source>
            <translation>Budget (% der gesamten Kandidatenkosten)</translation>
        </message>
        <message>
            <source>best TSTT found</source>
            <translation>beste gefundene TSTT</translation>
        </message>
        <message>
            <source>best design per budget</source>
            <translation>bester Entwurf je Budget</translation>
        </message>
        <message>
            <source>Gap to the reference optimum versus wall time</source>
            <translation>Lücke zum Referenzoptimum gegen Laufzeit</translation>
        </message>
        <message>
            <source>seconds (log scale)</source>
            <translation>Sekunden (logarithmische Skala)</translation>
        </message>
        <message>
            <source>gap to the reference TSTT (%)</source>
            <translation>Lücke zur Referenz-TSTT (%)</translation>
        </message>
        <message>
            <source>Network design with a GNN surrogate</source>
            <translation>Netzentwurf mit GNN-Surrogat</translation>
        </message>
        <message>
            <source>Network design: GA+GNN versus GA versus exact</source>
            <translation>Netzentwurf: GA+GNN gegen GA gegen exakt</translation>
        </message>
        <message>
            <source>Design map: the best design's network coloured by the change in link flow against the no-build network (red: more traffic, blue: less); the candidate links the design builds have a thick outline, and the title gives the design's cost against the budget.</source>
            <translation>Entwurfskarte: das Netz des besten Entwurfs, gefärbt nach der Änderung des Streckenflusses gegenüber dem Netz ohne Ausbau (rot: mehr Verkehr, blau: weniger); die Kandidatenstrecken, die der Entwurf baut, sind dick umrandet, und der Titel nennt die Kosten des Entwurfs im Verhältnis zum Budget.</translation>
        </message>
        <message>
            <source>GA convergence: the best and the mean TSTT of the population per generation. For GA+GNN these are the surrogate's predictions; its best designs are re-checked with exact user equilibrium at the end.</source>
            <translation>GA-Konvergenz: beste und mittlere TSTT der Population je Generation. Bei GA+GNN sind das Vorhersagen des Surrogats; seine besten Entwürfe werden am Ende mit exaktem Nutzergleichgewicht nachgeprüft.</translation>
        </message>
        <message>
            <source>Surrogate scatter: the TSTT the graph neural network predicts for validation designs against the TSTT of the user-equilibrium solve; points on the dashed line y = x are predicted exactly, and R² is the share of the variance the surrogate explains.</source>
            <translation>Surrogat-Streudiagramm: die vom neuronalen Graphennetz vorhergesagte TSTT von Validierungsentwürfen gegen die TSTT der Gleichgewichtslösung; Punkte auf der gestrichelten Geraden y = x sind exakt vorhergesagt, und R² ist der Anteil der Varianz, den das Surrogat erklärt.</translation>
        </message>
        <message>
            <source>Surrogate link flows: every link's predicted flow in every validation sample against its equilibrium flow.</source>
            <translation>Streckenflüsse des Surrogats: der vorhergesagte Fluss jeder Strecke in jedem Validierungsbeispiel gegen ihren Gleichgewichtsfluss.</translation>
        </message>
        <message>
            <source>Pareto front: the best TSTT found for each budget of the sweep. A larger budget can only lower the exact optimum (it admits every design of a smaller one); the gain per unit of budget shows where spending more stops paying.</source>
            <translation>Pareto-Front: die beste gefundene TSTT für jedes Budget der Reihe. Ein größeres Budget kann das exakte Optimum nur senken (es lässt jeden Entwurf eines kleineren zu); der Gewinn je Budgeteinheit zeigt, ab wann sich Mehrausgaben nicht mehr lohnen.</translation>
        </message>
        <message>
            <source>Gap versus time: how far each method's best design is from the reference (exact) optimum, in percent of its TSTT, against wall time on a log scale.</source>
            <translation>Lücke gegen Zeit: wie weit der beste Entwurf jedes Verfahrens vom (exakten) Referenzoptimum entfernt ist, in Prozent seiner TSTT, gegen die Laufzeit auf logarithmischer Skala.</translation>
        </message>
        <message>
            <source>method</source>
            <translation>Verfahren</translation>
        </message>
        <message>
            <source>best TSTT</source>
            <translation>beste TSTT</translation>
        </message>
        <message>
            <source>TSTT without building anything</source>
            <translation>TSTT ohne jeden Ausbau</translation>
        </message>
        <message>
            <source>design (one 0/1 per candidate)</source>
            <translation>Entwurf (eine 0/1 je Kandidat)</translation>
        </message>
        <message>
            <source>candidates</source>
            <translation>Kandidaten</translation>
        </message>
        <message>
            <source>UE solves</source>
            <translation>UE-Lösungen</translation>
        </message>
        <message>
            <source>wall time (s)</source>
            <translation>Laufzeit (s)</translation>
        </message>
        <message>
            <source>reference method</source>
            <translation>Referenzverfahren</translation>
        </message>
        <message>
            <source>reference TSTT</source>
            <translation>Referenz-TSTT</translation>
        </message>
        <message>
            <source>surrogate: flow-weighted error Σ|error| / Σ|flow|</source>
            <translation>Surrogat: flussgewichteter Fehler Σ|Fehler| / Σ|Fluss|</translation>
        </message>
        <message>
            <source>surrogate: R² of TSTT</source>
            <translation>Surrogat: R² der TSTT</translation>
        </message>
        <message>
            <source>surrogate: training samples</source>
            <translation>Surrogat: Trainingsbeispiele</translation>
        </message>
        <message>
            <source>surrogate: data generation (s)</source>
            <translation>Surrogat: Datenerzeugung (s)</translation>
        </message>
        <message>
            <source>surrogate: training (s)</source>
            <translation>Surrogat: Training (s)</translation>
        </message>
        <message>
            <source>surrogate: inference per design (ms)</source>
            <translation>Surrogat: Inferenz je Entwurf (ms)</translation>
        </message>
        <message>
            <source>TSTT saved by the design</source>
            <translation>durch den Entwurf eingesparte TSTT</translation>
        </message>
        <message>
            <source>budget use</source>
            <translation>Budgetnutzung</translation>
        </message>
        <message>
            <source>Network design</source>
            <translation>Netzentwurf</translation>
        </message>
        <message>
            <source>Methods on the same instance</source>
            <translation>Verfahren auf derselben Instanz</translation>
        </message>
        <message>
            <source>Best design per budget</source>
            <translation>Bester Entwurf je Budget</translation>
        </message>
        <message>
            <source>The objective is the total system travel time (TSTT) at user equilibrium: drivers choose their own shortest routes, so adding a link can even raise it (the Braess paradox). A design is one yes/no per candidate, and its cost must stay within the budget.</source>
            <translation>Das Ziel ist die gesamte Systemreisezeit (TSTT) im Nutzergleichgewicht: Die Fahrer wählen ihre eigenen kürzesten Wege, daher kann eine zusätzliche Strecke sie sogar erhöhen (Braess-Paradoxon). Ein Entwurf ist ein Ja/Nein je Kandidat, und seine Kosten müssen im Budget bleiben.</translation>
        </message>
        <message>
            <source>Surrogate versus user equilibrium: TSTT of validation designs</source>
            <translation>Surrogat gegen Nutzergleichgewicht: TSTT der Validierungsentwürfe</translation>
        </message>
        <message>
            <source>Surrogate versus user equilibrium: link flows of validation designs</source>
            <translation>Surrogat gegen Nutzergleichgewicht: Streckenflüsse der Validierungsentwürfe</translation>
        </message>
        <message>
            <source>GA+GNN versus GA+exact UE: TSTT difference (%)</source>
            <translation>GA+GNN gegen GA+exaktes UE: Unterschied der TSTT (%)</translation>
        </message>
        <message>
            <source>GA+GNN / GA+exact UE wall time, search only</source>
            <translation>Laufzeit GA+GNN / GA+exaktes UE, nur Suche</translation>
        </message>
        <message>
            <source>GA+GNN / GA+exact UE wall time, with surrogate data and training</source>
            <translation>Laufzeit GA+GNN / GA+exaktes UE, mit Surrogat-Daten und -Training</translation>
        </message>
        <message>
            <source>Chooses which roads of a generated 5×5 grid city get an extra lane within a budget. A graph neural network learns to predict user-equilibrium flows from solved samples, a genetic algorithm searches designs with it, and the result is compared with the same GA on exact equilibria and with exact enumeration: the gap-versus-time chart, the chosen design on the map and the surrogate's accuracy follow when the run finishes. In a city this small an exact equilibrium takes well under a millisecond, so the chart shows what the surrogate costs and how close it gets, not a saving in time: that comes where each equilibrium is expensive.</source>
            <translation>Wählt, welche Straßen einer erzeugten 5×5-Gitterstadt innerhalb eines Budgets eine zusätzliche Spur bekommen. Ein neuronales Graphennetz lernt aus gelösten Beispielen, die Flüsse im Nutzergleichgewicht vorherzusagen, ein genetischer Algorithmus sucht damit Entwürfe, und das Ergebnis wird mit demselben GA auf exakten Gleichgewichten und mit vollständiger Enumeration verglichen: Das Diagramm Lücke gegen Zeit, der gewählte Entwurf auf der Karte und die Genauigkeit des Surrogats folgen, wenn der Lauf fertig ist. In einer so kleinen Stadt dauert ein exaktes Gleichgewicht deutlich unter einer Millisekunde; das Diagramm zeigt daher, was das Surrogat kostet und wie nahe es kommt, keine Zeitersparnis: Die entsteht dort, wo jedes Gleichgewicht teuer ist.</translation>
        </message>
        <message>
            <source>Specialisation by run</source>
            <translation>Spezialisierung je Lauf</translation>
        </message>
        <message>
            <source>Drops by run</source>
            <translation>Verwerfen je Lauf</translation>
        </message>
        <message>
            <source>Routing over training by run</source>
            <translation>Routing im Training je Lauf</translation>
        </message>
        <message>
            <source>Bits per byte over seeds</source>
            <translation>Bits pro Byte über Seeds</translation>
        </message>
        <message>
            <source>Router weight norms</source>
            <translation>Normen der Router-Gewichte</translation>
        </message>
        <message>
            <source>Expert similarity</source>
            <translation>Ähnlichkeit der Experten</translation>
        </message>
        <message>
            <source>For every compared run, the corrected mutual information of each layer's top-1 expert with the token id, the position bucket and the previous token, side by side: which runs route by token identity.</source>
            <translation>Für jeden verglichenen Lauf die korrigierte Transinformation des Top-1-Experten jeder Schicht mit der Token-ID, dem Positionsbereich und dem vorigen Token, nebeneinander: welche Läufe nach Token-Identität routen.</translation>
        </message>
        <message>
            <source>For every compared run, the share of top-k choices dropped in the first and in the last position bin of the sequences; a higher last bar means drops pile up towards the end.</source>
            <translation>Für jeden verglichenen Lauf der Anteil verworfener Top-k-Wahlen im ersten und im letzten Positionsbereich der Sequenzen; ein höherer letzter Balken heißt, dass sich das Verwerfen zum Ende hin häuft.</translation>
        </message>
        <message>
            <source>For every compared run, the share of (token, layer) pairs whose top-1 expert already equals the final checkpoint's; the legend gives the first step reaching 90 %.</source>
            <translation>Für jeden verglichenen Lauf der Anteil der (Token, Schicht)-Paare, deren Top-1-Experte schon dem des letzten Checkpoints gleicht; die Legende nennt den ersten Schritt mit 90 %.</translation>
        </message>
        <message>
            <source>Validation bits per byte of every compared run (dots), grouped by config: runs that differ only in their seed share a group, drawn as mean with a band of ± one standard deviation.</source>
            <translation>Validierungs-Bits pro Byte jedes verglichenen Laufs (Punkte), nach Konfiguration gruppiert: Läufe, die sich nur im Seed unterscheiden, bilden eine Gruppe, gezeichnet als Mittelwert mit einem Band von ± einer Standardabweichung.</translation>
        </message>
        <message>
            <source>The L2 norm of each expert's row of the router weight matrix, per layer, read from the checkpoint file: experts with larger norms get sharper, more confident router logits.</source>
            <translation>Die L2-Norm der Zeile jedes Experten in der Router-Gewichtsmatrix, je Schicht, aus der Checkpoint-Datei gelesen: Experten mit größerer Norm erhalten schärfere, sicherere Router-Logits.</translation>
        </message>
        <message>
            <source>Cosine similarity between the experts' router weight rows within each layer: red pairs are routed alike (similar tokens go to both), blue pairs are routed oppositely.</source>
            <translation>Kosinus-Ähnlichkeit der Router-Gewichtszeilen der Experten innerhalb jeder Schicht: rote Paare werden gleich geroutet (ähnliche Tokens gehen an beide), blaue Paare gegensätzlich.</translation>
        </message>
        <message>
            <source>token</source>
            <translation>Token</translation>
        </message>
        <message>
            <source>position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>previous token</source>
            <translation>voriges Token</translation>
        </message>
        <message>
            <source>L%1 %2</source>
            <translation>S%1 %2</translation>
        </message>
        <message>
            <source>Corrected mutual information of the top-1 expert per layer, run by run</source>
            <translation>Korrigierte Transinformation des Top-1-Experten je Schicht, Lauf für Lauf</translation>
        </message>
        <message>
            <source>layer and conditioning variable</source>
            <translation>Schicht und bedingende Variable</translation>
        </message>
        <message>
            <source>Drop ratio at the start and at the end of the sequences, run by run</source>
            <translation>Verwerfungsanteil am Anfang und am Ende der Sequenzen, Lauf für Lauf</translation>
        </message>
        <message>
            <source>run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>first position bin</source>
            <translation>erster Positionsbereich</translation>
        </message>
        <message>
            <source>last position bin</source>
            <translation>letzter Positionsbereich</translation>
        </message>
        <message>
            <source>Top-1 routing agreement with each run's final checkpoint</source>
            <translation>Top-1-Routing-Übereinstimmung mit dem letzten Checkpoint jedes Laufs</translation>
        </message>
        <message>
            <source>%1 % at step %2</source>
            <translation>%1 % bei Schritt %2</translation>
        </message>
        <message>
            <source>Validation bits per byte: each run, and mean ± std over the seeds of a config</source>
            <translation>Validierungs-Bits pro Byte: jeder Lauf und Mittelwert ± Standardabweichung über die Seeds einer Konfiguration</translation>
        </message>
        <message>
            <source>config (runs differing only in seed)</source>
            <translation>Konfiguration (Läufe, die sich nur im Seed unterscheiden)</translation>
        </message>
        <message>
            <source>%1: %2, seeds %3: %4 ± %5</source>
            <translation>%1: %2, Seeds %3: %4 ± %5</translation>
        </message>
        <message>
            <source>(no router)</source>
            <translation>(kein Router)</translation>
        </message>
        <message>
            <source>each run</source>
            <translation>jeder Lauf</translation>
        </message>
        <message>
            <source>L2 norm of each expert's router weights, per layer</source>
            <translation>L2-Norm der Router-Gewichte jedes Experten, je Schicht</translation>
        </message>
        <message>
            <source>layers %1–%2</source>
            <translation>Schichten %1–%2</translation>
        </message>
        <message>
            <source>Cosine similarity of the experts' router weights; one block per layer (row band's first layer + column offset)</source>
            <translation>Kosinus-Ähnlichkeit der Router-Gewichte der Experten; ein Block je Schicht (erste Schicht des Zeilenbands + Spaltenversatz)</translation>
        </message>
        <message>
            <source>Cosine similarity of the experts' router weights</source>
            <translation>Kosinus-Ähnlichkeit der Router-Gewichte der Experten</translation>
        </message>
        <message>
            <source> seed %1</source>
            <translation> Seed %1</translation>
        </message>
        <message>
            <source>Comparison of runs</source>
            <translation>Vergleich von Läufen</translation>
        </message>
        <message>
            <source>The routing analyses of %1 runs side by side, each at its last traced checkpoint, with the mean and sample standard deviation of every headline number. Mutual information is corrected by a shuffled-label baseline.</source>
            <translation>Die Routing-Analysen von %1 Läufen nebeneinander, jeweils am letzten aufgezeichneten Checkpoint, mit Mittelwert und Stichproben-Standardabweichung jeder Kennzahl. Die Transinformation ist um eine Basislinie mit gemischten Labels korrigiert.</translation>
        </message>
        <message>
            <source>Headline numbers per run</source>
            <translation>Kennzahlen je Lauf</translation>
        </message>
        <message>
            <source>mean</source>
            <translation>Mittel</translation>
        </message>
        <message>
            <source>std</source>
            <translation>Std.-Abw.</translation>
        </message>
        <message>
            <source>Router weights of a checkpoint</source>
            <translation>Router-Gewichte eines Checkpoints</translation>
        </message>
        <message>
            <source>source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>layout</source>
            <translation>Layout</translation>
        </message>
        <message>
            <source>MoE layers × experts</source>
            <translation>MoE-Schichten × Experten</translation>
        </message>
        <message>
            <source>hidden size</source>
            <translation>verborgene Größe</translation>
        </message>
        <message>
            <source>CartPole</source>
            <translation>CartPole</translation>
        </message>
        <message>
            <source>Pendulum</source>
            <translation>Pendulum</translation>
        </message>
        <message>
            <source>masked grid</source>
            <translation>maskiertes Gitter</translation>
        </message>
        <message>
            <source>environment steps</source>
            <translation>Umgebungsschritte</translation>
        </message>
        <message>
            <source>PPO on %1: episode return</source>
            <translation>PPO auf %1: Episodenertrag</translation>
        </message>
        <message>
            <source>episode return</source>
            <translation>Episodenertrag</translation>
        </message>
        <message>
            <source>episodes</source>
            <translation>Episoden</translation>
        </message>
        <message>
            <source>mean of last 20</source>
            <translation>Mittel der letzten 20</translation>
        </message>
        <message>
            <source>evaluation</source>
            <translation>Auswertung</translation>
        </message>
        <message>
            <source>PPO on %1: losses per update</source>
            <translation>PPO auf %1: Verluste je Update</translation>
        </message>
        <message>
            <source>loss (per minibatch, mean)</source>
            <translation>Verlust (Mittel je Minibatch)</translation>
        </message>
        <message>
            <source>policy (clipped surrogate)</source>
            <translation>Strategie (beschnittenes Surrogat)</translation>
        </message>
        <message>
            <source>value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>entropy</source>
            <translation>Entropie</translation>
        </message>
        <message>
            <source>PPO on %1: approx. KL and clip fraction</source>
            <translation>PPO auf %1: genäherte KL und Clip-Anteil</translation>
        </message>
        <message>
            <source>KL (nats) / share of clipped ratios</source>
            <translation>KL (nats) / Anteil beschnittener Quotienten</translation>
        </message>
        <message>
            <source>approx. KL(old ‖ new)</source>
            <translation>genäherte KL(alt ‖ neu)</translation>
        </message>
        <message>
            <source>clip fraction</source>
            <translation>Clip-Anteil</translation>
        </message>
        <message>
            <source>PPO: %1 over seeds with a %2 % bootstrap band</source>
            <translation>PPO: %1 über Seeds mit %2-%-Bootstrap-Band</translation>
        </message>
        <message>
            <source>interquartile mean</source>
            <translation>Interquartilsmittel</translation>
        </message>
        <message>
            <source>return (mean of last %1 episodes)</source>
            <translation>Ertrag (Mittel der letzten %1 Episoden)</translation>
        </message>
        <message>
            <source>IQM over runs</source>
            <translation>IQM über Läufe</translation>
        </message>
        <message>
            <source>mean over runs</source>
            <translation>Mittel über Läufe</translation>
        </message>
        <message>
            <source>Evaluation: return per episode</source>
            <translation>Auswertung: Ertrag je Episode</translation>
        </message>
        <message>
            <source>episode</source>
            <translation>Episode</translation>
        </message>
        <message>
            <source>return</source>
            <translation>Ertrag</translation>
        </message>
        <message>
            <source>Mutual information between layers' routing (top-1: bits; binned: nats)</source>
            <translation>Transinformation zwischen dem Routing der Schichten (Top-1: Bit; klassiert: Nat)</translation>
        </message>
        <message>
            <source>top-1 choices, corrected (bits)</source>
            <translation>Top-1-Wahlen, korrigiert (Bit)</translation>
        </message>
        <message>
            <source>binned probability vectors (RMoE, nats)</source>
            <translation>klassierte Wahrscheinlichkeitsvektoren (RMoE, Nat)</translation>
        </message>
        <message>
            <source>Mutual information between the routing of two layers: of their top-1 choices across tokens, corrected by shuffling, in bits, and (when the trace has full probabilities) of the binned probability vectors as the RMoE paper computes it, in nats.</source>
            <translation>Transinformation zwischen dem Routing zweier Schichten: ihrer Top-1-Wahlen über die Token, durch Mischen korrigiert, in Bit, und (wenn der Trace alle Wahrscheinlichkeiten enthält) der klassierten Wahrscheinlichkeitsvektoren, wie sie das RMoE-Paper berechnet, in Nat.</translation>
        </message>
        <message>
            <source>No checkpoint before the final one reached %1 % agreement with the final routing.</source>
            <translation>Kein Checkpoint vor dem letzten erreichte %1 % Übereinstimmung mit dem endgültigen Routing.</translation>
        </message>
        <message>
            <source>The RMoE measure on binned probability vectors gives %1 nats (natural logarithm, as scikit-learn computes it).</source>
            <translation>Das RMoE-Maß auf klassierten Wahrscheinlichkeitsvektoren ergibt %1 Nat (natürlicher Logarithmus, wie scikit-learn ihn verwendet).</translation>
        </message>
        <message>
            <source>%1 % not reached before the final step</source>
            <translation>%1 % vor dem letzten Schritt nicht erreicht</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::rl::RlPlugin</name>
        <message>
            <source>PPO on CartPole</source>
            <translation>PPO auf CartPole</translation>
        </message>
        <message>
            <source>PPO on Pendulum</source>
            <translation>PPO auf Pendulum</translation>
        </message>
        <message>
            <source>PPO on the masked grid</source>
            <translation>PPO auf dem maskierten Gitter</translation>
        </message>
        <message>
            <source>PPO balances a pole</source>
            <translation>PPO balanciert einen Stab</translation>
        </message>
        <message>
            <source>Trains a PPO agent on CartPole for 100,000 steps (a few seconds): at first the pole falls within a few dozen steps; by the end the deterministic policy keeps it up for hundreds of steps, up to the episode limit of 500, on evaluation seeds it never trained on.</source>
            <translation>Trainiert einen PPO-Agenten 100.000 Schritte lang auf CartPole (wenige Sekunden): Anfangs fällt der Stab nach wenigen Dutzend Schritten; am Ende hält ihn die deterministische Strategie Hunderte Schritte lang oben, bis zur Episodengrenze von 500, auf Auswertungs-Seeds, die sie im Training nie gesehen hat.</translation>
        </message>
        <message>
            <source>PPO training</source>
            <translation>PPO-Training</translation>
        </message>
        <message>
            <source>Learning curve over seeds</source>
            <translation>Lernkurve über Seeds</translation>
        </message>
        <message>
            <source>Evaluation</source>
            <translation>Auswertung</translation>
        </message>
        <message>
            <source>Each run's episode returns are averaged over a window, aligned on a common step grid and aggregated over runs; the band is a bootstrap interval over runs.</source>
            <translation>Die Episodenerträge jedes Laufs werden über ein Fenster gemittelt, auf ein gemeinsames Schrittgitter gelegt und über die Läufe zusammengefasst; das Band ist ein Bootstrap-Intervall über die Läufe.</translation>
        </message>
        <message>
            <source>Evaluation episodes use seeds disjoint from training and deterministic actions (argmax or the Gaussian mean) unless the run says stochastic.</source>
            <translation>Auswertungsepisoden nutzen andere Seeds als das Training und deterministische Aktionen (Argmax oder den Gauß-Mittelwert), sofern der Lauf nicht stochastisch angibt.</translation>
        </message>
        <message>
            <source>Reinforcement learning</source>
            <translation>Bestärkendes Lernen</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::moe::RoutingHeatmapView</name>
        <message>
            <source>Checkpoint: drag to watch the routing settle over training</source>
            <translation>Checkpoint: ziehen, um zu sehen, wie sich das Routing im Training festigt</translation>
        </message>
        <message>
            <source>Show only the tokens of one corpus domain</source>
            <translation>Nur die Token einer Korpus-Domäne zeigen</translation>
        </message>
        <message>
            <source>Checkpoint:</source>
            <translation>Checkpoint:</translation>
        </message>
        <message>
            <source>Domain:</source>
            <translation>Domäne:</translation>
        </message>
        <message>
            <source>Loading the routing traces…</source>
            <translation>Routing-Traces werden geladen…</translation>
        </message>
        <message>
            <source>This run has no routing traces.</source>
            <translation>Dieser Lauf hat keine Routing-Traces.</translation>
        </message>
        <message>
            <source>all domains</source>
            <translation>alle Domänen</translation>
        </message>
        <message>
            <source>router probability of the top-%1 choices (grey: not chosen)</source>
            <translation>Router-Wahrscheinlichkeit der Top-%1-Wahlen (grau: nicht gewählt)</translation>
        </message>
        <message>
            <source>router probability of every expert</source>
            <translation>Router-Wahrscheinlichkeit jedes Experten</translation>
        </message>
        <message>
            <source>Routing per token at step %1 — %2; %3, %4 tokens; × dropped</source>
            <translation>Routing je Token bei Schritt %1 — %2; %3, %4 Token; × verworfen</translation>
        </message>
        <message>
            <source>step %1</source>
            <translation>Schritt %1</translation>
        </message>
        <message>
            <source>&lt;p&gt;Click a token to see its path through the layers.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Klicken Sie auf ein Token, um seinen Pfad durch die Schichten zu sehen.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>routescope::app::RunBrowser</name>
        <message>
            <source>All statuses</source>
            <translation>Alle Zustände</translation>
        </message>
        <message>
            <source>Search id, name, notes, tags</source>
            <translation>ID, Name, Notizen, Schlagwörter durchsuchen</translation>
        </message>
        <message>
            <source>Study:</source>
            <translation>Studie:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Open the run (Enter)</source>
            <translation>Den Lauf öffnen (Eingabe)</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Umbenennen</translation>
        </message>
        <message>
            <source>Rename the run (F2)</source>
            <translation>Den Lauf umbenennen (F2)</translation>
        </message>
        <message>
            <source>Tags…</source>
            <translation>Schlagwörter…</translation>
        </message>
        <message>
            <source>Edit the tags of the selected runs</source>
            <translation>Die Schlagwörter der ausgewählten Läufe bearbeiten</translation>
        </message>
        <message>
            <source>Notes…</source>
            <translation>Notizen…</translation>
        </message>
        <message>
            <source>Edit the run's notes</source>
            <translation>Notizen des Laufs bearbeiten</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Delete the selected runs (Del)</source>
            <translation>Die ausgewählten Läufe löschen (Entf)</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Vergleichen</translation>
        </message>
        <message>
            <source>Compare the selected runs (two or more)</source>
            <translation>Die ausgewählten Läufe vergleichen (zwei oder mehr)</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Re-read the run store (F5)</source>
            <translation>Den Laufspeicher neu lesen (F5)</translation>
        </message>
        <message>
            <source>%1 of %2 runs</source>
            <translation>%1 von %2 Läufen</translation>
        </message>
        <message>
            <source>All studies</source>
            <translation>Alle Studien</translation>
        </message>
        <message>
            <source>Could not %1: %2</source>
            <translation>Konnte nicht %1: %2</translation>
        </message>
        <message>
            <source>Tags of run %1, separated by commas:</source>
            <translation>Schlagwörter von Lauf %1, durch Kommas getrennt:</translation>
        </message>
        <message>
            <source>Tags shared by the %1 selected runs, separated by commas:</source>
            <translation>Gemeinsame Schlagwörter der %1 ausgewählten Läufe, durch Kommas getrennt:</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Schlagwörter</translation>
        </message>
        <message>
            <source>change tags</source>
            <translation>Schlagwörter ändern</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Notes on run %1:</source>
            <translation>Notizen zu Lauf %1:</translation>
        </message>
        <message>
            <source>save the notes</source>
            <translation>die Notizen speichern</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Cannot delete running runs: %1. Cancel them first.</source>
            <translation>Laufende Läufe können nicht gelöscht werden: %1. Brechen Sie sie zuerst ab.</translation>
        </message>
        <message>
            <source>Delete this run? This cannot be undone.

%1</source>
            <translation>Diesen Lauf löschen? Das lässt sich nicht rückgängig machen.

%1</translation>
        </message>
        <message>
            <source>Delete these %1 runs? This cannot be undone.

%2</source>
            <translation>Diese %1 Läufe löschen? Das lässt sich nicht rückgängig machen.

%2</translation>
        </message>
        <message>
            <source>delete runs</source>
            <translation>Läufe löschen</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
    </context>
    <context>
        <name>RunComparison</name>
        <message>
            <source>seed</source>
            <translation>Seed</translation>
        </message>
    </context>
    <context>
        <name>routescope::app::RunTableModel</name>
        <message>
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>abgeschlossen</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>unterbrochen</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>Studie</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <source>Could not rename run %1: %2</source>
            <translation>Lauf %1 konnte nicht umbenannt werden: %2</translation>
        </message>
    </context>
    <context>
        <name>routescope::gui::RunTabs</name>
        <message>
            <source>The run store is not open.</source>
            <translation>Der Laufspeicher ist nicht geöffnet.</translation>
        </message>
        <message>
            <source>No plugin for the study "%1" is loaded.</source>
            <translation>Für die Studie „%1“ ist kein Plugin geladen.</translation>
        </message>
        <message numerus="yes">
            <source>Comparison of %n run(s)</source>
            <translation>
                <numerusform>Vergleich von %n Lauf</numerusform>
                <numerusform>Vergleich von %n Läufen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>routescope::gui::SettingsDialog</name>
        <message>
            <source>Scientific notation</source>
            <translation>Wissenschaftliche Schreibweise</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA</source>
            <translation>CUDA</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>Hours:minutes:seconds</source>
            <translation>Stunden:Minuten:Sekunden</translation>
        </message>
        <message>
            <source>Seconds</source>
            <translation>Sekunden</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Threads per job</source>
            <translation>Threads pro Auftrag</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Run store (next start)</source>
            <translation>Laufspeicher (ab nächstem Start)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>Palette</source>
            <translation>Farbschema</translation>
        </message>
        <message>
            <source>Decimal places</source>
            <translation>Nachkommastellen</translation>
        </message>
        <message>
            <source>Durations</source>
            <translation>Zeitdauern</translation>
        </message>
        <message>
            <source>Run store</source>
            <translation>Laufspeicher</translation>
        </message>
        <message>
            <source>Run stores (*.sqlite)</source>
            <translation>Laufspeicher (*.sqlite)</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::system::SystemPlugin</name>
        <message>
            <source>Measure this machine</source>
            <translation>Diese Maschine vermessen</translation>
        </message>
        <message>
            <source>Training check</source>
            <translation>Trainingsprüfung</translation>
        </message>
        <message>
            <source>How fast is this machine?</source>
            <translation>Wie schnell ist diese Maschine?</translation>
        </message>
        <message>
            <source>Measures how many billion floating-point operations per second LibTorch's matrix multiply reaches here, for several matrix sizes and thread counts. The best value per thread count is the peak that the studies divide by to report how well they use the machine.</source>
            <translation>Misst, wie viele Milliarden Gleitkommaoperationen pro Sekunde die Matrixmultiplikation von LibTorch hier erreicht, für mehrere Matrixgrößen und Threadzahlen. Der beste Wert je Threadzahl ist die Spitzenleistung, durch die die Studien teilen, um zu zeigen, wie gut sie die Maschine nutzen.</translation>
        </message>
        <message>
            <source>Machine</source>
            <translation>Maschine</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>BLAS library</source>
            <translation>BLAS-Bibliothek</translation>
        </message>
        <message>
            <source>LibTorch</source>
            <translation>LibTorch</translation>
        </message>
        <message>
            <source>CUDA available</source>
            <translation>CUDA verfügbar</translation>
        </message>
        <message>
            <source>Peak sgemm GFLOP/s per thread count</source>
            <translation>Spitzen-sgemm-GFLOP/s je Threadzahl</translation>
        </message>
        <message>
            <source>threads</source>
            <translation>Threads</translation>
        </message>
        <message>
            <source>GFLOP/s</source>
            <translation>GFLOP/s</translation>
        </message>
        <message>
            <source>Studies divide their achieved FLOP/s by this peak to report model FLOP utilisation.</source>
            <translation>Die Studien teilen ihre erreichten FLOP/s durch diese Spitzenleistung, um die FLOP-Auslastung des Modells anzugeben.</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::TrafficPlugin</name>
        <message>
            <source>Links</source>
            <translation>Strecken</translation>
        </message>
        <message>
            <source>Traffic: assign Braess (user equilibrium)</source>
            <translation>Verkehr: Braess umlegen (Nutzergleichgewicht)</translation>
        </message>
        <message>
            <source>Traffic: compare algorithms on Braess</source>
            <translation>Verkehr: Algorithmen an Braess vergleichen</translation>
        </message>
        <message>
            <source>Traffic: generate a demo city</source>
            <translation>Verkehr: eine Demo-Stadt erzeugen</translation>
        </message>
        <message>
            <source>Braess paradox</source>
            <translation>Braess-Paradoxon</translation>
        </message>
        <message>
            <source>Solves the user equilibrium of the four-node Braess network with and without its middle link, and the system optimum. Adding a road makes every driver slower: the view quotes the computed total travel times and shows the flows on the map.</source>
            <translation>Berechnet das Nutzergleichgewicht des Braess-Netzes mit vier Knoten mit und ohne seine mittlere Strecke sowie das Systemoptimum. Eine zusätzliche Straße macht jeden Fahrer langsamer: Die Ansicht nennt die berechneten Gesamtreisezeiten und zeigt die Verkehrsstärken auf der Karte.</translation>
        </message>
        <message>
            <source>Braess paradox: close the middle link</source>
            <translation>Braess-Paradoxon: die mittlere Strecke sperren</translation>
        </message>
        <message>
            <source>TNTP networks (*_net.tntp)</source>
            <translation>TNTP-Netze (*_net.tntp)</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Karte</translation>
        </message>
        <message>
            <source>This run has no results to show yet.</source>
            <translation>Dieser Lauf hat noch keine Ergebnisse zum Anzeigen.</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>Convergence</source>
            <translation>Konvergenz</translation>
        </message>
        <message>
            <source>Convergence (time)</source>
            <translation>Konvergenz (Zeit)</translation>
        </message>
        <message>
            <source>This run has no solution to show.</source>
            <translation>Dieser Lauf hat keine Lösung zum Anzeigen.</translation>
        </message>
        <message>
            <source>Traffic</source>
            <translation>Verkehr</translation>
        </message>
    </context>
    <context>
        <name>routescope::plugins::traffic::WhatIfPanel</name>
        <message>
            <source>Selected link</source>
            <translation>Ausgewählte Strecke</translation>
        </message>
        <message>
            <source>Click a link on the map</source>
            <translation>Klicken Sie auf eine Strecke der Karte</translation>
        </message>
        <message>
            <source>Set capacity</source>
            <translation>Kapazität setzen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Sperren</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>capacity</source>
            <translation>Kapazität</translation>
        </message>
        <message>
            <source>Add a link</source>
            <translation>Eine Strecke hinzufügen</translation>
        </message>
        <message>
            <source>Add link</source>
            <translation>Strecke hinzufügen</translation>
        </message>
        <message>
            <source>from node</source>
            <translation>von Knoten</translation>
        </message>
        <message>
            <source>to node</source>
            <translation>nach Knoten</translation>
        </message>
        <message>
            <source>free-flow time</source>
            <translation>Freiflusszeit</translation>
        </message>
        <message>
            <source>Demand</source>
            <translation>Nachfrage</translation>
        </message>
        <message>
            <source>Scale demand</source>
            <translation>Nachfrage skalieren</translation>
        </message>
        <message>
            <source>Clear edits</source>
            <translation>Änderungen verwerfen</translation>
        </message>
        <message>
            <source>Re-solve warm</source>
            <translation>Warm neu lösen</translation>
        </message>
        <message>
            <source>Edits</source>
            <translation>Änderungen</translation>
        </message>
        <message>
            <source>Link %1 → %2</source>
            <translation>Strecke %1 → %2</translation>
        </message>
        <message>
            <source>Add an edit first.</source>
            <translation>Fügen Sie zuerst eine Änderung hinzu.</translation>
        </message>
        <message>
            <source>Solving…</source>
            <translation>Wird gelöst…</translation>
        </message>
        <message>
            <source>TSTT %1 → %2 (%3), %4 warm iteration(s), relative gap %5</source>
            <translation>TSTT %1 → %2 (%3), %4 Iteration(en) mit Warmstart, relative Lücke %5</translation>
        </message>
        <message>
            <source>Solved: TSTT %1, relative gap %2</source>
            <translation>Gelöst: TSTT %1, relative Lücke %2</translation>
        </message>
    </context>
</TS>
