#!/usr/bin/env python3
"""Refreshes routescope_de.ts: runs lupdate over the sources, qualifies contexts with their C++
namespace, and fills in the German texts from GERMAN below.

lupdate 6.4 does not understand nested namespace definitions (`namespace a::b {`), so it records
tr() calls in such classes under the bare class name, while at run time tr() looks them up under
the qualified name (`routescope::gui::MainWindow`): without the fix those translations never load.

Usage: translations/update_de.py   (from anywhere; needs /usr/lib/qt6/bin/lupdate)
"""
import pathlib
import re
import subprocess
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
TS = ROOT / "translations" / "routescope_de.ts"
SOURCES = ["app/gui", "plugins", "widgets"]

GERMAN = {
    "Edit the run's notes": "Notizen des Laufs bearbeiten",
    "Measures how many billion floating-point operations per second LibTorch's matrix multiply reaches "
    "here, for several matrix sizes and thread counts. The best value per thread count is the peak that the "
    "studies divide by to report how well they use the machine.":
        "Misst, wie viele Milliarden Gleitkommaoperationen pro Sekunde die Matrixmultiplikation von LibTorch "
        "hier erreicht, für mehrere Matrixgrößen und Threadzahlen. Der beste Wert je Threadzahl ist die "
        "Spitzenleistung, durch die die Studien teilen, um zu zeigen, wie gut sie die Maschine nutzen.",
    " (band)": " (Band)",
    " px": " px",
    "%1 (%2)": "%1 (%2)",
    "&About RouteScope": "Ü&ber RouteScope",
    "&Demos": "&Demos",
    "&File": "&Datei",
    "&Help": "&Hilfe",
    "&Import bundle…": "Bündel &importieren…",
    "&Open run store…": "Laufspeicher ö&ffnen…",
    "&Quit": "&Beenden",
    "&Run": "&Ausführen",
    "&Settings…": "&Einstellungen…",
    "&View": "&Ansicht",
    "(default)": "(Standard)",
    "A desktop lab for routing studies.": "Ein Desktop-Labor für Routing-Studien.",
    "A job failed; its run %1 has the details (Jobs dock: show log).":
        "Ein Auftrag ist fehlgeschlagen; sein Lauf %1 enthält die Einzelheiten (Aufträge: Protokoll zeigen).",
    "About RouteScope": "Über RouteScope",
    "All statuses": "Alle Zustände",
    "All studies": "Alle Studien",
    "Automatic": "Automatisch",
    "BLAS in use": "Verwendete BLAS",
    "BLAS library": "BLAS-Bibliothek",
    "Browse…": "Durchsuchen…",
    "CPU": "CPU",
    "CUDA available": "CUDA verfügbar",
    "CUDA": "CUDA",
    "Cancel": "Abbrechen",
    "Cancelled after %1": "Abgebrochen nach %1",
    "Cannot delete running runs: %1. Cancel them first.":
        "Laufende Läufe können nicht gelöscht werden: %1. Brechen Sie sie zuerst ab.",
    "Cannot start %1: %2": "%1 kann nicht gestartet werden: %2",
    "Compare selected": "Auswahl vergleichen",
    "Compare the selected runs (two or more)": "Die ausgewählten Läufe vergleichen (zwei oder mehr)",
    "Compare": "Vergleichen",
    "Comparison of %1 runs": "Vergleich von %1 Läufen",
    "Completed in %1": "Abgeschlossen in %1",
    "Configuration": "Konfiguration",
    "Could not %1: %2": "Konnte nicht %1: %2",
    "Could not rename run %1: %2": "Lauf %1 konnte nicht umbenannt werden: %2",
    "Dark": "Dunkel",
    "Decimal places": "Nachkommastellen",
    "Delete the selected runs (Del)": "Die ausgewählten Läufe löschen (Entf)",
    "Delete": "Löschen",
    "Device": "Gerät",
    "Differs between runs": "Unterscheidet sich zwischen Läufen",
    "Duration": "Dauer",
    "ETA %1": "Rest %1",
    "ETA unknown": "Restzeit unbekannt",
    "Edit the tags of the selected runs": "Die Schlagwörter der ausgewählten Läufe bearbeiten",
    "Events of run %1:": "Ereignisse von Lauf %1:",
    "Export &figure…": "&Abbildung exportieren…",
    "Export &report…": "&Bericht exportieren…",
    "Export figure": "Abbildung exportieren",
    "Export report": "Bericht exportieren",
    "Failed after %1": "Fehlgeschlagen nach %1",
    "Figure": "Abbildung",
    "Figures (*.png *.svg *.pdf)": "Abbildungen (*.png *.svg *.pdf)",
    "Figures": "Abbildungen",
    "File": "Datei",
    "Final value of shared metrics": "Endwert gemeinsamer Metriken",
    "Format": "Format",
    "GFLOP/s": "GFLOP/s",
    "Group": "Gruppe",
    "Height": "Höhe",
    "How fast is this machine?": "Wie schnell ist diese Maschine?",
    "Id": "ID",
    "Import bundle": "Bündel importieren",
    "Imported %1 run(s), skipped %2 already present":
        "%1 Lauf/Läufe importiert, %2 bereits vorhandene übersprungen",
    "Input files": "Eingabedateien",
    "Jobs": "Aufträge",
    "Kind": "Art",
    "Language": "Sprache",
    "LibTorch sgemm throughput by matrix size": "LibTorch-sgemm-Durchsatz nach Matrixgröße",
    "LibTorch sgemm throughput by thread count": "LibTorch-sgemm-Durchsatz nach Threadzahl",
    "LibTorch": "LibTorch",
    "Light": "Hell",
    "Loading study plugins…": "Studien-Plugins werden geladen…",
    "Log": "Protokoll",
    "Machine": "Maschine",
    "Mean and min/max across seeds": "Mittelwert und Min./Max. über Seeds",
    "Measure this machine": "Diese Maschine vermessen",
    "Metrics": "Metriken",
    "Name": "Name",
    "No demos available": "Keine Demos verfügbar",
    'No guided demo for the study "%1".': "Keine geführte Demo für die Studie „%1“.",
    "No jobs yet. Start one from a study in the sidebar.":
        "Noch keine Aufträge. Starten Sie einen über eine Studie in der Seitenleiste.",
    'No plugin for the study "%1" is loaded.': "Für die Studie „%1“ ist kein Plugin geladen.",
    "No recent runs": "Keine zuletzt geöffneten Läufe",
    "No study plugins loaded": "Keine Studien-Plugins geladen",
    "No study plugins were found.": "Es wurden keine Studien-Plugins gefunden.",
    "Notes for this session (kept if the app crashes)":
        "Notizen zu dieser Sitzung (bleiben bei einem Absturz erhalten)",
    "Notes on run %1:": "Notizen zu Lauf %1:",
    "Notes": "Notizen",
    "Notes…": "Notizen…",
    "Only keys that differ": "Nur abweichende Schlüssel",
    "Open a run first: figures are exported from the current run tab.":
        "Öffnen Sie zuerst einen Lauf: Abbildungen werden aus dem aktuellen Lauf-Tab exportiert.",
    "Open a run or a comparison first.": "Öffnen Sie zuerst einen Lauf oder einen Vergleich.",
    "Open run store": "Laufspeicher öffnen",
    "Open the run (Enter)": "Den Lauf öffnen (Eingabe)",
    "Open": "Öffnen",
    "Palette": "Farbschema",
    "Peak sgemm GFLOP/s per thread count": "Spitzen-sgemm-GFLOP/s je Threadzahl",
    "Plugin skipped: %1": "Plugin übersprungen: %1",
    "Provenance": "Herkunft",
    "Re-read the run store (F5)": "Den Laufspeicher neu lesen (F5)",
    "Ready": "Bereit",
    "Recent &runs": "&Zuletzt geöffnete Läufe",
    "Recreate with": "Neu erzeugen mit",
    "Refresh": "Aktualisieren",
    "Rename the run (F2)": "Den Lauf umbenennen (F2)",
    "Rename": "Umbenennen",
    "Reports (*.html *.pdf)": "Berichte (*.html *.pdf)",
    "Reset &layout": "&Anordnung zurücksetzen",
    "Restore the last session?": "Letzte Sitzung wiederherstellen?",
    "Restored the previous session.": "Die vorige Sitzung wurde wiederhergestellt.",
    "RouteScope did not close cleanly last time. Restore its open runs, layout and notes?":
        "RouteScope wurde beim letzten Mal nicht sauber beendet. Geöffnete Läufe, Anordnung und "
        "Notizen wiederherstellen?",
    "RouteScope report written %1": "RouteScope-Bericht, erstellt %1",
    "Run %1 was interrupted (its process ended)": "Lauf %1 wurde unterbrochen (sein Prozess endete)",
    "Run %1: %2 %3": "Lauf %1: %2 %3",
    "Run bundles (*.sqlite *.rsbundle);;All files (*)": "Laufbündel (*.sqlite *.rsbundle);;Alle Dateien (*)",
    "Run store (next start)": "Laufspeicher (ab nächstem Start)",
    "Run store": "Laufspeicher",
    "Run store: %1": "Laufspeicher: %1",
    "Run stores (*.sqlite)": "Laufspeicher (*.sqlite)",
    "Run bundles (*.rsbundle)": "Laufbündel (*.rsbundle)",
    "All files (*)": "Alle Dateien (*)",
    "Hours:minutes:seconds": "Stunden:Minuten:Sekunden",
    "Seconds": "Sekunden",
    "Durations": "Zeitdauern",
    "Run bundles (*.rsbundle);;All files (*)": "Laufbündel (*.rsbundle);;Alle Dateien (*)",
    "Run": "Lauf",
    "Runs side by side": "Läufe nebeneinander",
    "Runs": "Läufe",
    "Scientific notation": "Wissenschaftliche Schreibweise",
    "Search id, name, notes, tags": "ID, Name, Notizen, Schlagwörter durchsuchen",
    "Seed": "Seed",
    "Settings": "Einstellungen",
    "Started %1: %2": "%1 gestartet: %2",
    "Started": "Gestartet",
    "Status": "Status",
    "Status:": "Status:",
    "Studies divide their achieved FLOP/s by this peak to report model FLOP utilisation.":
        "Die Studien teilen ihre erreichten FLOP/s durch diese Spitzenleistung, um die "
        "FLOP-Auslastung des Modells anzugeben.",
    "Studies": "Studien",
    "Study / kind": "Studie / Art",
    "Study": "Studie",
    "Study:": "Studie:",
    "System language": "Systemsprache",
    "System": "System",
    "Tags of run %1, separated by commas:": "Schlagwörter von Lauf %1, durch Kommas getrennt:",
    "Tags": "Schlagwörter",
    "Tags…": "Schlagwörter…",
    "The run store is not open.": "Der Laufspeicher ist nicht geöffnet.",
    "The runs are one sweep with different seeds: show their spread as a band":
        "Die Läufe bilden einen Sweep mit verschiedenen Seeds: ihre Streuung als Band zeigen",
    "These runs share no metrics.": "Diese Läufe haben keine gemeinsamen Metriken.",
    "This run recorded no metrics.": "Dieser Lauf hat keine Metriken aufgezeichnet.",
    "Threads per job": "Threads pro Auftrag",
    "Training check": "Trainingsprüfung",
    "Training check: mean squared error": "Trainingsprüfung: mittlerer quadratischer Fehler",
    "Wait for the running jobs to finish before opening another run store.":
        "Warten Sie, bis die laufenden Aufträge beendet sind, bevor Sie einen anderen Laufspeicher öffnen.",
    "Waiting for the running job": "Wartet auf den laufenden Auftrag",
    "Waiting": "Wartet",
    "What was run": "Was ausgeführt wurde",
    "Width": "Breite",
    "Wrote %1": "%1 geschrieben",
    "bytes": "Bytes",
    "cancelled": "abgebrochen",
    "change tags": "Schlagwörter ändern",
    "completed": "abgeschlossen",
    "config hash": "Konfigurations-Hash",
    "delete runs": "Läufe löschen",
    "demo": "Demo",
    "error": "Fehler",
    "failed": "fehlgeschlagen",
    "info": "Info",
    "interrupted": "unterbrochen",
    "jobs are running": "Aufträge laufen",
    "key": "Schlüssel",
    "last": "letzter",
    "loss": "Verlust",
    "matrix shape M×K×N": "Matrixform M×K×N",
    "max": "Max.",
    "mean": "Mittel",
    "metric": "Metrik",
    "min": "Min.",
    "not available": "nicht verfügbar",
    "path": "Pfad",
    "peak": "Spitze",
    "points": "Punkte",
    "running": "läuft",
    "save the notes": "die Notizen speichern",
    "seed": "Seed",
    "show log": "Protokoll zeigen",
    "step": "Schritt",
    "steps": "Schritte",
    "study / kind": "Studie / Art",
    "threads": "Threads",
    "warning": "Warnung",
    "Comparing %1 runs": "Vergleich von %1 Läufen",
    "%1 across %2 seeds": "%1 über %2 Seeds",
    "%1 of %2 runs": "%1 von %2 Läufen",
    "Tags shared by the %1 selected runs, separated by commas:":
        "Gemeinsame Schlagwörter der %1 ausgewählten Läufe, durch Kommas getrennt:",
    "Delete this run? This cannot be undone.\n\n%1":
        "Diesen Lauf löschen? Das lässt sich nicht rückgängig machen.\n\n%1",
    "Delete these %1 runs? This cannot be undone.\n\n%2":
        "Diese %1 Läufe löschen? Das lässt sich nicht rückgängig machen.\n\n%2",
    # Traffic plugin (plugins/traffic).
    "from": "von",
    "to": "nach",
    "capacity": "Kapazität",
    "free-flow time": "Freiflusszeit",
    "flow": "Verkehrsstärke",
    "v/c": "V/K",
    "travel time": "Reisezeit",
    "state": "Zustand",
    "closed": "gesperrt",
    "flow difference": "Differenz der Verkehrsstärke",
    "Link %1: %2 → %3": "Strecke %1: %2 → %3",
    "Node %1": "Knoten %1",
    "node": "Knoten",
    "zone": "Bezirk",
    "yes (origin/destination centroid)": "ja (Quell-/Zielbezirk)",
    "no": "nein",
    "Click a link or a node on the map": "Klicken Sie auf eine Strecke oder einen Knoten der Karte",
    "Without the middle link (UE): TSTT %1": "Ohne die mittlere Strecke (Gleichgewicht): TSTT %1",
    "With the middle link (UE): TSTT %1": "Mit der mittleren Strecke (Gleichgewicht): TSTT %1",
    "With the middle link, system optimum: TSTT %1": "Mit der mittleren Strecke, Systemoptimum: TSTT %1",
    "link": "Strecke",
    "Export CSV…": "Als CSV exportieren…",
    "%1: cannot write (%2)": "%1: kann nicht geschrieben werden (%2)",
    "Export link table": "Streckentabelle exportieren",
    "CSV files (*.csv)": "CSV-Dateien (*.csv)",
    "Colour and width by": "Farbe und Breite nach",
    "time (min)": "Zeit (min)",
    "Δ flow": "Δ Verkehrsstärke",
    "flow (vehicles per hour)": "Verkehrsstärke (Fahrzeuge pro Stunde)",
    "volume / capacity": "Auslastung (Verkehrsstärke / Kapazität)",
    "travel time (minutes)": "Reisezeit (Minuten)",
    "flow difference to the base run": "Differenz der Verkehrsstärke zum Vergleichslauf",
    "zone (origin/destination)": "Bezirk (Quelle/Ziel)",
    "closed link": "gesperrte Strecke",
    "arrow on the right of its direction, wider for larger |value|": "Pfeil rechts seiner Richtung, breiter bei größerem |Wert|",
    "%1 vehicles travel from node 1 to node 2. Without the middle link 3→4 they split evenly, and the user equilibrium's total travel time (TSTT) is %2, %3 per vehicle.": "%1 Fahrzeuge fahren von Knoten 1 nach Knoten 2. Ohne die mittlere Strecke 3→4 teilen sie sich gleichmäßig auf, und die Gesamtreisezeit (TSTT) des Nutzergleichgewichts beträgt %2, %3 je Fahrzeug.",
    "Adding the middle link tempts %1 vehicles onto it, and at the new equilibrium the TSTT rises to %2, %3 per vehicle: everyone is slower, although nobody can gain by changing route alone.": "Die zusätzliche mittlere Strecke lockt %1 Fahrzeuge an, und im neuen Gleichgewicht steigt die TSTT auf %2, %3 je Fahrzeug: Alle sind langsamer, obwohl niemand allein durch einen Routenwechsel gewinnen kann.",
    "The system optimum on the same network keeps the TSTT at %1: the extra road only pays off when traffic is routed for the total, not by each driver for themselves.": "Das Systemoptimum im selben Netz hält die TSTT bei %1: Die zusätzliche Straße lohnt sich nur, wenn der Verkehr für das Ganze gelenkt wird und nicht von jedem Fahrer für sich.",
    "Relative gap versus time": "Relative Lücke über der Zeit",
    "Relative gap versus iteration": "Relative Lücke über der Iteration",
    "seconds": "Sekunden",
    "iteration": "Iteration",
    "relative gap (TSTT − SPTT) / TSTT": "relative Lücke (TSTT − SPTT) / TSTT",
    "algorithm": "Algorithmus",
    "total system travel time (TSTT)": "Gesamtreisezeit des Systems (TSTT)",
    "Beckmann objective": "Beckmann-Zielfunktion",
    "relative gap (TSTT − SPTT) / SPTT": "relative Lücke (TSTT − SPTT) / SPTT",
    "iterations": "Iterationen",
    "solve time (s)": "Lösungszeit (s)",
    "stopped because": "beendet wegen",
    "TSTT before the edits": "TSTT vor den Änderungen",
    "TSTT after the edits": "TSTT nach den Änderungen",
    "TSTT change": "Änderung der TSTT",
    "iterations, warm start": "Iterationen, Warmstart",
    "iterations, cold start": "Iterationen, Kaltstart",
    "edits": "Änderungen",
    "Algorithms on the same network": "Algorithmen im selben Netz",
    "TSTT": "TSTT",
    "relative gap": "relative Lücke",
    "The ten most congested links": "Die zehn am stärksten ausgelasteten Strecken",
    "Traffic assignment": "Verkehrsumlegung",
    "network": "Netz",
    "The relative gap (TSTT − SPTT) / TSTT measures how far the flows are from user equilibrium: the share of travel time that drivers could still save by switching to their current shortest paths.": "Die relative Lücke (TSTT − SPTT) / TSTT misst, wie weit die Verkehrsstärken vom Nutzergleichgewicht entfernt sind: den Anteil der Reisezeit, den die Fahrer durch einen Wechsel auf ihre aktuell kürzesten Wege noch sparen könnten.",
    "The Braess paradox": "Das Braess-Paradoxon",
    "Traffic: assign Braess (user equilibrium)": "Verkehr: Braess umlegen (Nutzergleichgewicht)",
    "Traffic: compare algorithms on Braess": "Verkehr: Algorithmen an Braess vergleichen",
    "Traffic: generate a demo city": "Verkehr: eine Demo-Stadt erzeugen",
    "Braess paradox": "Braess-Paradoxon",
    "Solves the user equilibrium of the four-node Braess network with and without its middle link, and the system optimum. Adding a road makes every driver slower: the view quotes the computed total travel times and shows the flows on the map.": "Berechnet das Nutzergleichgewicht des Braess-Netzes mit vier Knoten mit und ohne seine mittlere Strecke sowie das Systemoptimum. Eine zusätzliche Straße macht jeden Fahrer langsamer: Die Ansicht nennt die berechneten Gesamtreisezeiten und zeigt die Verkehrsstärken auf der Karte.",
    "Braess paradox: close the middle link": "Braess-Paradoxon: die mittlere Strecke sperren",
    "TNTP networks (*_net.tntp)": "TNTP-Netze (*_net.tntp)",
    "Map": "Karte",
    "Links": "Strecken",
    "Convergence": "Konvergenz",
    "Convergence (time)": "Konvergenz (Zeit)",
    "This run has no solution to show.": "Dieser Lauf hat keine Lösung zum Anzeigen.",
    "Traffic": "Verkehr",
    "Selected link": "Ausgewählte Strecke",
    "Click a link on the map": "Klicken Sie auf eine Strecke der Karte",
    "Set capacity": "Kapazität setzen",
    "Close": "Sperren",
    "Add a link": "Eine Strecke hinzufügen",
    "Add link": "Strecke hinzufügen",
    "from node": "von Knoten",
    "to node": "nach Knoten",
    "Demand": "Nachfrage",
    "Scale demand": "Nachfrage skalieren",
    "Clear edits": "Änderungen verwerfen",
    "Re-solve warm": "Warm neu lösen",
    "Edits": "Änderungen",
    "Link %1 → %2": "Strecke %1 → %2",
    "Add an edit first.": "Fügen Sie zuerst eine Änderung hinzu.",
    "Solving…": "Wird gelöst…",
    "TSTT %1 → %2 (%3), %4 warm iteration(s), relative gap %5": "TSTT %1 → %2 (%3), %4 Iteration(en) mit Warmstart, relative Lücke %5",
    "Solved: TSTT %1, relative gap %2": "Gelöst: TSTT %1, relative Lücke %2",
    'Train the demo model (OpenMoE linear router)': 'Demo-Modell trainieren (linearer OpenMoE-Router)',
    'Train the demo model (RMoE GRU router)': 'Demo-Modell trainieren (GRU-Router nach RMoE)',
    'Train the demo model (expert-choice router)': 'Demo-Modell trainieren (Expert-Choice-Router)',
    'Build the corpus': 'Korpus erstellen',
    'Share of top-k choices dropped (beyond capacity)': 'Anteil verworfener Top-k-Zuordnungen (über der Kapazität)',
    'drop rate': 'Verwurfrate',
    'Entropy of the expert load': 'Entropie der Expertenlast',
    'bits': 'Bit',
    'MoE language model': 'MoE-Sprachmodell',
    'router': 'Router',
    'layers × experts, top-k': 'Schichten × Experten, Top-k',
    'parameters': 'Parameter',
    'validation bits per byte': 'Validierung: Bit pro Byte',
    'unigram bits per byte': 'Unigramm: Bit pro Byte',
    'training tokens per second': 'Trainings-Token pro Sekunde',
    "Bits per byte divide the validation cross-entropy by the text's size in bytes, so models with different tokenizers compare directly. The unigram model predicts every token from its training frequency alone: the language model must beat it by learning context.": 'Bit pro Byte teilen die Kreuzentropie der Validierung durch die Größe des Textes in Byte, sodass sich Modelle mit verschiedenen Tokenizern direkt vergleichen lassen. Das Unigramm-Modell sagt jedes Token allein aus seiner Häufigkeit im Training voraus: Das Sprachmodell muss es schlagen, indem es Kontext lernt.',
    'Mixture of Experts': 'Mixture of Experts',
    'Training and validation loss': 'Trainings- und Validierungsverlust',
    'cross-entropy (nats per token)': 'Kreuzentropie (Nat pro Token)',
    'training loss': 'Trainingsverlust',
    'validation loss': 'Validierungsverlust',
    'Validation bits per byte against a unigram model of the same tokens': 'Bit pro Byte der Validierung im Vergleich zu einem Unigramm-Modell derselben Token',
    'bits per byte': 'Bit pro Byte',
    'model': 'Modell',
    'unigram model': 'Unigramm-Modell',
    'MoE layer %1': 'MoE-Schicht %1',
}

# Plural forms: (singular, plural) for German's two forms.
GERMAN_PLURAL = {
    "%1 across %n seed(s)": ("%1 über %n Seed", "%1 über %n Seeds"),
    "%1 of %n run(s)": ("%1 von %n Lauf", "%1 von %n Läufen"),
    "%n thread(s)": ("%n Thread", "%n Threads"),
    "Comparing %n run(s)": ("Vergleich von %n Lauf", "Vergleich von %n Läufen"),
    "Comparison of %n run(s)": ("Vergleich von %n Lauf", "Vergleich von %n Läufen"),
    "Delete %n run(s)? This cannot be undone.\n\n%1": (
        "%n Lauf löschen? Das lässt sich nicht rückgängig machen.\n\n%1",
        "%n Läufe löschen? Das lässt sich nicht rückgängig machen.\n\n%1"),
    "Tags shared by the %n selected run(s), separated by commas:": (
        "Schlagwörter des ausgewählten Laufs, durch Kommas getrennt:",
        "Gemeinsame Schlagwörter der %n ausgewählten Läufe, durch Kommas getrennt:"),
}


def qualified_names():
    """Bare class name -> namespace-qualified name, from the class definitions in the sources."""
    names = {}
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*.h"):
            text = path.read_text(encoding="utf-8", errors="replace")
            namespace = None
            for line in text.splitlines():
                m = re.match(r"namespace ([\w:]+) \{", line)
                if m:
                    namespace = m.group(1)
                m = re.match(r"class (\w+)\b[^;]*$", line)
                if m and namespace:
                    names.setdefault(m.group(1), f"{namespace}::{m.group(1)}")
    return names


def main():
    subprocess.run(["/usr/lib/qt6/bin/lupdate", "-no-obsolete", "-locations", "none", "-target-language",
                    "de_DE", *[str(ROOT / s) for s in SOURCES], "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    root = tree.getroot()
    names = qualified_names()
    merged = {}
    for context in list(root.findall("context")):
        name = context.find("name").text
        name = names.get(name, name)
        context.find("name").text = name
        if name in merged:  # the same class found both qualified and bare
            known = {m.find("source").text for m in merged[name].findall("message")}
            for message in context.findall("message"):
                if message.find("source").text not in known:
                    merged[name].append(message)
            root.remove(context)
        else:
            merged[name] = context
    missing = []
    for message in root.iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = GERMAN_PLURAL.get(source)
            if forms is None:
                missing.append(source)
                continue
            for old in list(translation):
                translation.remove(old)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            german = GERMAN.get(source)
            if german is None:
                missing.append(source)
                continue
            translation.text = german
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' +
                  ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    for source in missing:
        print("untranslated:", repr(source))
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
