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
        <name>routescope::plugins::traffic::NetworkMapView</name>
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
            <source>Links</source>
            <translation>Strecken</translation>
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
            <source>Run</source>
            <translation>Lauf</translation>
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
