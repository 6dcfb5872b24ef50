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
    # Reinforcement learning kit (plugins/rl)
    'Reinforcement learning': 'Bestärkendes Lernen',
    'PPO on CartPole': 'PPO auf CartPole',
    'PPO on Pendulum': 'PPO auf Pendulum',
    'PPO on the masked grid': 'PPO auf dem maskierten Gitter',
    'PPO balances a pole': 'PPO balanciert einen Stab',
    'Trains a PPO agent on CartPole for 100,000 steps (a few seconds): at first the pole falls within a few dozen steps; by the end the deterministic policy keeps it up for hundreds of steps, up to the episode limit of 500, on evaluation seeds it never trained on.': 'Trainiert einen PPO-Agenten 100.000 Schritte lang auf CartPole (wenige Sekunden): Anfangs fällt der Stab nach wenigen Dutzend Schritten; am Ende hält ihn die deterministische Strategie Hunderte Schritte lang oben, bis zur Episodengrenze von 500, auf Auswertungs-Seeds, die sie im Training nie gesehen hat.',
    'PPO training': 'PPO-Training',
    'Learning curve over seeds': 'Lernkurve über Seeds',
    'Evaluation': 'Auswertung',
    "Each run's episode returns are averaged over a window, aligned on a common step grid and aggregated over runs; the band is a bootstrap interval over runs.": 'Die Episodenerträge jedes Laufs werden über ein Fenster gemittelt, auf ein gemeinsames Schrittgitter gelegt und über die Läufe zusammengefasst; das Band ist ein Bootstrap-Intervall über die Läufe.',
    'Evaluation episodes use seeds disjoint from training and deterministic actions (argmax or the Gaussian mean) unless the run says stochastic.': 'Auswertungsepisoden nutzen andere Seeds als das Training und deterministische Aktionen (Argmax oder den Gauß-Mittelwert), sofern der Lauf nicht stochastisch angibt.',
    'CartPole': 'CartPole',
    'Pendulum': 'Pendulum',
    'masked grid': 'maskiertes Gitter',
    'environment steps': 'Umgebungsschritte',
    'PPO on %1: episode return': 'PPO auf %1: Episodenertrag',
    'episode return': 'Episodenertrag',
    'episodes': 'Episoden',
    'mean of last 20': 'Mittel der letzten 20',
    'evaluation': 'Auswertung',
    'PPO on %1: losses per update': 'PPO auf %1: Verluste je Update',
    'loss (per minibatch, mean)': 'Verlust (Mittel je Minibatch)',
    'policy (clipped surrogate)': 'Strategie (beschnittenes Surrogat)',
    'value': 'Wert',
    'entropy': 'Entropie',
    'PPO on %1: approx. KL and clip fraction': 'PPO auf %1: genäherte KL und Clip-Anteil',
    'KL (nats) / share of clipped ratios': 'KL (nats) / Anteil beschnittener Quotienten',
    'approx. KL(old ‖ new)': 'genäherte KL(alt ‖ neu)',
    'clip fraction': 'Clip-Anteil',
    'PPO: %1 over seeds with a %2 % bootstrap band': 'PPO: %1 über Seeds mit %2-%-Bootstrap-Band',
    'interquartile mean': 'Interquartilsmittel',
    'return (mean of last %1 episodes)': 'Ertrag (Mittel der letzten %1 Episoden)',
    'IQM over runs': 'IQM über Läufe',
    'mean over runs': 'Mittel über Läufe',
    'Evaluation: return per episode': 'Auswertung: Ertrag je Episode',
    'episode': 'Episode',
    'return': 'Ertrag',
    # MoE comparison runs and checkpoint router weights (plugins/moe/summary_figures.cpp)
    'This run stored no figures.': 'Dieser Lauf hat keine Abbildungen gespeichert.',
    'Specialisation by run': 'Spezialisierung je Lauf',
    'Drops by run': 'Verwerfen je Lauf',
    'Routing over training by run': 'Routing im Training je Lauf',
    'Bits per byte over seeds': 'Bits pro Byte über Seeds',
    'Router weight norms': 'Normen der Router-Gewichte',
    'Expert similarity': 'Ähnlichkeit der Experten',
    "For every compared run, the corrected mutual information of each layer's top-1 expert with the token id, the position bucket and the previous token, side by side: which runs route by token identity.": 'Für jeden verglichenen Lauf die korrigierte Transinformation des Top-1-Experten jeder Schicht mit der Token-ID, dem Positionsbereich und dem vorigen Token, nebeneinander: welche Läufe nach Token-Identität routen.',
    'For every compared run, the share of top-k choices dropped in the first and in the last position bin of the sequences; a higher last bar means drops pile up towards the end.': 'Für jeden verglichenen Lauf der Anteil verworfener Top-k-Wahlen im ersten und im letzten Positionsbereich der Sequenzen; ein höherer letzter Balken heißt, dass sich das Verwerfen zum Ende hin häuft.',
    "For every compared run, the share of (token, layer) pairs whose top-1 expert already equals the final checkpoint's; the legend gives the first step reaching 90 %.": 'Für jeden verglichenen Lauf der Anteil der (Token, Schicht)-Paare, deren Top-1-Experte schon dem des letzten Checkpoints gleicht; die Legende nennt den ersten Schritt mit 90 %.',
    'Validation bits per byte of every compared run (dots), grouped by config: runs that differ only in their seed share a group, drawn as mean with a band of ± one standard deviation.': 'Validierungs-Bits pro Byte jedes verglichenen Laufs (Punkte), nach Konfiguration gruppiert: Läufe, die sich nur im Seed unterscheiden, bilden eine Gruppe, gezeichnet als Mittelwert mit einem Band von ± einer Standardabweichung.',
    "The L2 norm of each expert's row of the router weight matrix, per layer, read from the checkpoint file: experts with larger norms get sharper, more confident router logits.": 'Die L2-Norm der Zeile jedes Experten in der Router-Gewichtsmatrix, je Schicht, aus der Checkpoint-Datei gelesen: Experten mit größerer Norm erhalten schärfere, sicherere Router-Logits.',
    "Cosine similarity between the experts' router weight rows within each layer: red pairs are routed alike (similar tokens go to both), blue pairs are routed oppositely.": 'Kosinus-Ähnlichkeit der Router-Gewichtszeilen der Experten innerhalb jeder Schicht: rote Paare werden gleich geroutet (ähnliche Tokens gehen an beide), blaue Paare gegensätzlich.',
    'token': 'Token',
    'position': 'Position',
    'previous token': 'voriges Token',
    'L%1 %2': 'S%1 %2',
    'Corrected mutual information of the top-1 expert per layer, run by run': 'Korrigierte Transinformation des Top-1-Experten je Schicht, Lauf für Lauf',
    'layer and conditioning variable': 'Schicht und bedingende Variable',
    'Drop ratio at the start and at the end of the sequences, run by run': 'Verwerfungsanteil am Anfang und am Ende der Sequenzen, Lauf für Lauf',
    'run': 'Lauf',
    'first position bin': 'erster Positionsbereich',
    'last position bin': 'letzter Positionsbereich',
    "Top-1 routing agreement with each run's final checkpoint": 'Top-1-Routing-Übereinstimmung mit dem letzten Checkpoint jedes Laufs',
    '%1 % at step %2': '%1 % bei Schritt %2',
    '%1 % not reached before the final step': '%1 % vor dem letzten Schritt nicht erreicht',
    'Validation bits per byte: each run, and mean ± std over the seeds of a config': 'Validierungs-Bits pro Byte: jeder Lauf und Mittelwert ± Standardabweichung über die Seeds einer Konfiguration',
    'config (runs differing only in seed)': 'Konfiguration (Läufe, die sich nur im Seed unterscheiden)',
    '%1: %2, seeds %3: %4 ± %5': '%1: %2, Seeds %3: %4 ± %5',
    '(no router)': '(kein Router)',
    'each run': 'jeder Lauf',
    "L2 norm of each expert's router weights, per layer": 'L2-Norm der Router-Gewichte jedes Experten, je Schicht',
    'layers %1–%2': 'Schichten %1–%2',
    "Cosine similarity of the experts' router weights; one block per layer (row band's first layer + column offset)": 'Kosinus-Ähnlichkeit der Router-Gewichte der Experten; ein Block je Schicht (erste Schicht des Zeilenbands + Spaltenversatz)',
    "Cosine similarity of the experts' router weights": 'Kosinus-Ähnlichkeit der Router-Gewichte der Experten',
    ' seed %1': ' Seed %1',
    'Comparison of runs': 'Vergleich von Läufen',
    'The routing analyses of %1 runs side by side, each at its last traced checkpoint, with the mean and sample standard deviation of every headline number. Mutual information is corrected by a shuffled-label baseline.': 'Die Routing-Analysen von %1 Läufen nebeneinander, jeweils am letzten aufgezeichneten Checkpoint, mit Mittelwert und Stichproben-Standardabweichung jeder Kennzahl. Die Transinformation ist um eine Basislinie mit gemischten Labels korrigiert.',
    'Headline numbers per run': 'Kennzahlen je Lauf',
    'std': 'Std.-Abw.',
    'Router weights of a checkpoint': 'Router-Gewichte eines Checkpoints',
    'source': 'Quelle',
    'layout': 'Layout',
    'MoE layers × experts': 'MoE-Schichten × Experten',
    'hidden size': 'verborgene Größe',
    # MoE views and guided demo (plugins/moe)
    'Back': 'Zurück',
    'Next': 'Weiter',
    'Show the figure': 'Abbildung zeigen',
    'The findings appear here once the routing traces are analysed.': 'Die Befunde erscheinen hier, sobald die Routing-Traces analysiert sind.',
    'Findings': 'Befunde',
    '%1 (did not appear)': '%1 (nicht aufgetreten)',
    'Step %1 of %2': 'Schritt %1 von %2',
    'Mixture-of-Experts routing': 'Mixture-of-Experts-Routing',
    'Trains the small demo language model (a few minutes on two cores), traces its routing at every checkpoint and walks through the OpenMoE and RMoE findings with the values measured on this run: specialisation on token identity, early routing learning, drops towards the end of a sequence, domain experts and cross-layer dependence.': 'Trainiert das kleine Demo-Sprachmodell (einige Minuten auf zwei Kernen), zeichnet sein Routing an jedem Checkpoint auf und geht die Befunde von OpenMoE und RMoE mit den in diesem Lauf gemessenen Werten durch: Spezialisierung auf die Token-Identität, frühes Lernen des Routings, Verwerfen gegen Ende einer Sequenz, Domänen-Experten und Abhängigkeit zwischen Schichten.',
    'Mixture-of-Experts routing demo': 'Demo: Mixture-of-Experts-Routing',
    'Routing analyses': 'Routing-Analysen',
    'The routing traces could not be analysed: %1': 'Die Routing-Traces konnten nicht analysiert werden: %1',
    'The routing of checkpoint %1 on %2 traced tokens, with early routing learning and the load over all %3 traced checkpoints. Mutual information is corrected by a shuffled-label baseline.': 'Das Routing des Checkpoints %1 auf %2 aufgezeichneten Token, mit frühem Routing-Lernen und der Last über alle %3 aufgezeichneten Checkpoints. Die Transinformation ist um eine Basislinie mit gemischten Labels korrigiert.',
    'Export figure…': 'Abbildung exportieren…',
    'Save the current figure as PNG, SVG or PDF, or its data as CSV': 'Die aktuelle Abbildung als PNG, SVG oder PDF speichern, oder ihre Daten als CSV',
    'This run has no routing traces: the analyses need `trace.tokens` > 0.': 'Dieser Lauf hat keine Routing-Traces: die Analysen brauchen `trace.tokens` > 0.',
    'This run has no routing traces, so there are no findings to show.': 'Dieser Lauf hat keine Routing-Traces, daher gibt es keine Befunde zu zeigen.',
    'Analysing the routing…': 'Routing wird analysiert…',
    'The routing traces could not be read: %1': 'Die Routing-Traces konnten nicht gelesen werden: %1',
    'The routing could not be analysed: %1': 'Das Routing konnte nicht analysiert werden: %1',
    'The current tab is not a figure.': 'Der aktuelle Reiter ist keine Abbildung.',
    'PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf);;Data as CSV (*.csv)': 'PNG-Bild (*.png);;SVG-Bild (*.svg);;PDF-Dokument (*.pdf);;Daten als CSV (*.csv)',
    'Share of top-k choices dropped by position in the sequence': 'Anteil verworfener Top-k-Wahlen nach Position in der Sequenz',
    'position (bin centre)': 'Position (Klassenmitte)',
    'drop ratio': 'Verwerfungsrate',
    'all layers': 'alle Schichten',
    'layer %1': 'Schicht %1',
    'domain %1': 'Domäne %1',
    "Share of each domain's tokens per expert (layer %1)": 'Anteil der Token jeder Domäne je Experte (Schicht %1)',
    'expert %1': 'Experte %1',
    '(no domain)': '(keine Domäne)',
    'uniform (1/%1)': 'gleichverteilt (1/%1)',
    "Mutual information between layers' routing (bits)": 'Transinformation zwischen dem Routing der Schichten (Bit)',
    "Mutual information between layers' routing (top-1: bits; binned: nats)": 'Transinformation zwischen dem Routing der Schichten (Top-1: Bit; klassiert: Nat)',
    'top-1 choices, corrected (bits)': 'Top-1-Wahlen, korrigiert (Bit)',
    'binned probability vectors (RMoE, nats)': 'klassierte Wahrscheinlichkeitsvektoren (RMoE, Nat)',
    'e%1': 'E%1',
    "Share of each layer's routed choices per expert (× dead expert; uniform %1)": 'Anteil der gerouteten Wahlen jeder Schicht je Experte (× toter Experte; gleichverteilt %1)',
    'Top-1 routing agreement across checkpoints': 'Übereinstimmung des Top-1-Routings über die Checkpoints',
    'training step': 'Trainingsschritt',
    'share of (token, layer) pairs': 'Anteil der Paare (Token, Schicht)',
    'with the final checkpoint': 'mit dem letzten Checkpoint',
    'with the previous checkpoint': 'mit dem vorigen Checkpoint',
    '%1 %': '%1 %',
    'What the routing depends on: corrected mutual information per layer (band: bias)': 'Wovon das Routing abhängt: korrigierte Transinformation je Schicht (Band: Verzerrung)',
    'MoE layer': 'MoE-Schicht',
    'I(expert; token)': 'I(Experte; Token)',
    'I(expert; position)': 'I(Experte; Position)',
    'I(expert; previous token)': 'I(Experte; vorheriges Token)',
    'H(expert)': 'H(Experte)',
    'GRU router states, first two principal components (%1 % of the variance)': 'Zustände des GRU-Routers, erste zwei Hauptkomponenten (%1 % der Varianz)',
    'PC 1': 'HK 1',
    'PC 2': 'HK 2',
    'Routing per token': 'Routing je Token',
    'Specialisation': 'Spezialisierung',
    'Routing over training': 'Routing im Trainingsverlauf',
    'Drops by position': 'Verwerfen nach Position',
    'Domains per expert': 'Domänen je Experte',
    'Cross-layer MI': 'Transinformation zwischen Schichten',
    'Expert load': 'Expertenlast',
    'GRU router states': 'Zustände des GRU-Routers',
    "Each column is one traced token, each row one expert of one MoE layer; the colour is the router's probability for that expert and a cross marks a choice dropped beyond the expert's capacity.": 'Jede Spalte ist ein aufgezeichnetes Token, jede Zeile ein Experte einer MoE-Schicht; die Farbe ist die Wahrscheinlichkeit des Routers für diesen Experten, ein Kreuz markiert eine Wahl, die jenseits der Kapazität des Experten verworfen wurde.',
    "Mutual information between a token's top-1 expert and its token id, its position bucket and the previous token, each minus the mean over shuffled labels (the band is that bias); a token-id value close to H(expert) means routing by token identity, whatever the context.": 'Transinformation zwischen dem Top-1-Experten eines Tokens und seiner Token-ID, seiner Positionsklasse und dem vorherigen Token, jeweils abzüglich des Mittels über gemischte Labels (das Band ist diese Verzerrung); ein Wert für die Token-ID nahe H(Experte) bedeutet Routing nach Token-Identität, unabhängig vom Kontext.',
    "Share of (token, layer) pairs whose top-1 expert at a checkpoint equals the final checkpoint's and the previous one's, on the same traced text; crossing the 90 % line early means routing was learnt early in training.": 'Anteil der Paare (Token, Schicht), deren Top-1-Experte an einem Checkpoint dem des letzten und des vorigen Checkpoints gleicht, auf demselben aufgezeichneten Text; überschreitet die Kurve die 90-%-Linie früh, wurde das Routing früh im Training gelernt.',
    'Share of top-k choices dropped because the expert was full, by position in the sequence; a curve rising to the right means the tokens at the end of a sequence lose their experts most often.': 'Anteil der Top-k-Wahlen, die verworfen wurden, weil der Experte voll war, nach Position in der Sequenz; eine nach rechts steigende Kurve heißt, dass die Token am Ende einer Sequenz ihre Experten am häufigsten verlieren.',
    "Share of each corpus domain's tokens that each expert of the deepest MoE layer receives, one spoke per expert; a domain bulging towards a few spokes has experts of its own.": 'Anteil der Token jeder Korpus-Domäne, den jeder Experte der tiefsten MoE-Schicht erhält, eine Speiche je Experte; eine Domäne, die sich zu wenigen Speichen hin ausbeult, hat eigene Experten.',
    'Mutual information between the routing of two layers: of their top-1 choices across tokens, corrected by shuffling, in bits, and (when the trace has full probabilities) of the binned probability vectors as the RMoE paper computes it, in nats.': 'Transinformation zwischen dem Routing zweier Schichten: ihrer Top-1-Wahlen über die Token, durch Mischen korrigiert, in Bit, und (wenn der Trace alle Wahrscheinlichkeiten enthält) der klassierten Wahrscheinlichkeitsvektoren, wie sie das RMoE-Paper berechnet, in Nat.',
    "Share of each layer's routed choices that every expert receives; crosses mark dead experts, which get less than 1 % of the uniform share.": 'Anteil der gerouteten Wahlen jeder Schicht, den jeder Experte erhält; Kreuze markieren tote Experten, die weniger als 1 % des gleichverteilten Anteils bekommen.',
    "The GRU router's hidden states of the traced tokens projected on their first two principal components, coloured by layer: how the recurrent state moves as a token passes through the layers.": 'Die verborgenen Zustände des GRU-Routers für die aufgezeichneten Token, projiziert auf ihre ersten zwei Hauptkomponenten und nach Schicht gefärbt: wie sich der rekurrente Zustand bewegt, während ein Token die Schichten durchläuft.',
    '%1: the figure %2 has no data export': '%1: die Abbildung %2 hat keinen Datenexport',
    '%1: unknown figure format (use .png, .svg, .pdf or .csv)': '%1: unbekanntes Abbildungsformat (.png, .svg, .pdf oder .csv verwenden)',
    'This finding did not appear on this run.': 'Dieser Befund ist in diesem Lauf nicht aufgetreten.',
    'The demo model': 'Das Demo-Modell',
    'The model has %1 MoE layers of %2 experts and a %3 router that sends each token to its top %4. Its routing was traced on %5 tokens at %6 checkpoints.': 'Das Modell hat %1 MoE-Schichten mit je %2 Experten und einen %3-Router, der jedes Token an seine besten %4 schickt. Sein Routing wurde auf %5 Token an %6 Checkpoints aufgezeichnet.',
    'It reached %1 bits per byte on the validation text.': 'Es erreichte %1 Bit pro Byte auf dem Validierungstext.',
    'In the heatmap each column is a token and each row an expert; drag the checkpoint slider to watch the routing settle.': 'In der Heatmap ist jede Spalte ein Token und jede Zeile ein Experte; ziehen Sie den Checkpoint-Regler, um zu sehen, wie sich das Routing festigt.',
    'Context-independent specialisation': 'Kontextunabhängige Spezialisierung',
    'The trace has too few tokens to estimate it.': 'Der Trace hat zu wenige Token, um ihn zu schätzen.',
    'Averaged over the layers, the top-1 expert carries %1 bits about the token id, %2 bits about the position and %3 bits about the previous token (corrected for bias; the expert choice itself has %4 bits of entropy).': 'Gemittelt über die Schichten trägt der Top-1-Experte %1 Bit über die Token-ID, %2 Bit über die Position und %3 Bit über das vorherige Token (um die Verzerrung korrigiert; die Expertenwahl selbst hat %4 Bit Entropie).',
    'OpenMoE found that routers specialise on token identity, not on context.': 'OpenMoE fand, dass sich Router auf die Token-Identität spezialisieren, nicht auf den Kontext.',
    'A frequent token goes to its usual expert in %1 % of its occurrences.': 'Ein häufiges Token geht in %1 % seiner Vorkommen an seinen üblichen Experten.',
    'The token id does not tell more about the expert than the context does.': 'Die Token-ID verrät nicht mehr über den Experten als der Kontext.',
    'Early routing learning': 'Frühes Lernen des Routings',
    'It needs at least two checkpoints traced on the same text, and this run has fewer.': 'Dafür braucht es mindestens zwei auf demselben Text aufgezeichnete Checkpoints, und dieser Lauf hat weniger.',
    'At step %1 already %2 % of the (token, layer) pairs chose the same top-1 expert as at the final step %3.': 'Schon bei Schritt %1 wählten %2 % der Paare (Token, Schicht) denselben Top-1-Experten wie beim letzten Schritt %3.',
    'OpenMoE found that routing is learnt early and then barely changes.': 'OpenMoE fand, dass das Routing früh gelernt wird und sich danach kaum ändert.',
    'Agreement passed %1 % at step %2, %3 % of the way through training.': 'Die Übereinstimmung überschritt %1 % bei Schritt %2, nach %3 % des Trainings.',
    'Agreement passed %1 % only at step %2, late in training.': 'Die Übereinstimmung überschritt %1 % erst bei Schritt %2, spät im Training.',
    'No checkpoint before the final one reached %1 % agreement with the final routing.': 'Kein Checkpoint vor dem letzten erreichte %1 % Übereinstimmung mit dem endgültigen Routing.',
    'Drops towards the end of the sequence': 'Verwerfen gegen Ende der Sequenz',
    'The trace records no dropped choices.': 'Der Trace verzeichnet keine verworfenen Wahlen.',
    'No choice was dropped: every expert had room for every token routed to it.': 'Keine Wahl wurde verworfen: jeder Experte hatte Platz für jedes an ihn geroutete Token.',
    '%1 % of all top-k choices were dropped: %2 % in the first position bin and %3 % in the last.': '%1 % aller Top-k-Wahlen wurden verworfen: %2 % in der ersten Positionsklasse und %3 % in der letzten.',
    'OpenMoE found that tokens late in a sequence are dropped more often, because the experts fill up with the earlier ones.': 'OpenMoE fand, dass späte Token einer Sequenz häufiger verworfen werden, weil sich die Experten mit den früheren füllen.',
    'Late tokens were not dropped clearly more often than early ones.': 'Späte Token wurden nicht deutlich häufiger verworfen als frühe.',
    'Domain specialisation': 'Domänen-Spezialisierung',
    'The traced text comes from fewer than two domains.': 'Der aufgezeichnete Text stammt aus weniger als zwei Domänen.',
    'The strongest preference: expert %1 of layer %2 receives %3 % of the "%4" tokens, %5 times its uniform share of %6 %.': 'Die stärkste Vorliebe: Experte %1 der Schicht %2 erhält %3 % der Token von „%4“, das %5-Fache seines gleichverteilten Anteils von %6 %.',
    "OpenMoE's radar charts show experts that favour some domains.": 'Die Netzdiagramme von OpenMoE zeigen Experten, die einige Domänen bevorzugen.',
    'No expert clearly favours a domain.': 'Kein Experte bevorzugt deutlich eine Domäne.',
    'Routing across layers': 'Routing über die Schichten',
    'The model has a single MoE layer.': 'Das Modell hat nur eine MoE-Schicht.',
    'Between two different layers, the top-1 choices share %1 bits on average (corrected).': 'Zwischen zwei verschiedenen Schichten teilen die Top-1-Wahlen im Mittel %1 Bit (korrigiert).',
    'The RMoE measure on binned probability vectors gives %1 nats (natural logarithm, as scikit-learn computes it).': 'Das RMoE-Maß auf klassierten Wahrscheinlichkeitsvektoren ergibt %1 Nat (natürlicher Logarithmus, wie scikit-learn ihn verwendet).',
    "RMoE found that a layer's routing tells much about the next one's.": 'RMoE fand, dass das Routing einer Schicht viel über das der nächsten verrät.',
    'The layers route almost independently of each other.': 'Die Schichten routen fast unabhängig voneinander.',
    'The busiest expert of a layer gets %1 times the uniform share on average.': 'Der meistbeschäftigte Experte einer Schicht erhält im Mittel das %1-Fache des gleichverteilten Anteils.',
    'The balance loss kept every expert in use: no expert is dead.': 'Der Balance-Verlust hielt jeden Experten in Gebrauch: kein Experte ist tot.',
    '%1 expert(s) receive almost no tokens (dead).': '%1 Experte(n) erhalten fast keine Token (tot).',
    "The GRU router's memory": 'Das Gedächtnis des GRU-Routers',
    'The trace has no GRU states.': 'Der Trace enthält keine GRU-Zustände.',
    "RMoE's router carries a recurrent state from layer to layer. The first two principal components hold %1 % of its variance.": 'Der Router von RMoE trägt einen rekurrenten Zustand von Schicht zu Schicht. Die ersten zwei Hauptkomponenten enthalten %1 % seiner Varianz.',
    'The mean update gate is %1: the share of the state renewed at each layer.': 'Das mittlere Update-Gate ist %1: der Anteil des Zustands, der in jeder Schicht erneuert wird.',
    'L%1 e%2': 'S%1 E%2',
    '<p>token %1 · sequence %2, position %3 · domain %4 · step %5</p>': '<p>Token %1 · Sequenz %2, Position %3 · Domäne %4 · Schritt %5</p>',
    '<p>This checkpoint traced other text.</p>': '<p>Dieser Checkpoint hat anderen Text aufgezeichnet.</p>',
    '<p><b>Path (top-1 per layer):</b> %1</p>': '<p><b>Pfad (Top-1 je Schicht):</b> %1</p>',
    ' <b>dropped</b>': ' <b>verworfen</b>',
    "<tr><td><b>layer %1</b></td><td colspan='%2'>%3</td></tr>": "<tr><td><b>Schicht %1</b></td><td colspan='%2'>%3</td></tr>",
    'no expert': 'kein Experte',
    '<p>GRU mean update gate per layer: %1</p>': '<p>Mittleres GRU-Update-Gate je Schicht: %1</p>',
    'Checkpoint: drag to watch the routing settle over training': 'Checkpoint: ziehen, um zu sehen, wie sich das Routing im Training festigt',
    'Show only the tokens of one corpus domain': 'Nur die Token einer Korpus-Domäne zeigen',
    'Checkpoint:': 'Checkpoint:',
    'Domain:': 'Domäne:',
    'Loading the routing traces…': 'Routing-Traces werden geladen…',
    'This run has no routing traces.': 'Dieser Lauf hat keine Routing-Traces.',
    'all domains': 'alle Domänen',
    'router probability of the top-%1 choices (grey: not chosen)': 'Router-Wahrscheinlichkeit der Top-%1-Wahlen (grau: nicht gewählt)',
    'router probability of every expert': 'Router-Wahrscheinlichkeit jedes Experten',
    'Routing per token at step %1 — %2; %3, %4 tokens; × dropped': 'Routing je Token bei Schritt %1 — %2; %3, %4 Token; × verworfen',
    'step %1': 'Schritt %1',
    '<p>Click a token to see its path through the layers.</p>': '<p>Klicken Sie auf ein Token, um seinen Pfad durch die Schichten zu sehen.</p>',
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
    # Traffic: network design views (issue 8)
    " (surrogate)": " (Surrogat)",
    "%1 of %2 link flows shown": "%1 von %2 Streckenflüssen gezeigt",
    "%1 — flow change by %2; %3": "%1 — Flussänderung durch %2; %3",
    "%1: best": "%1: bester",
    "%1: population mean": "%1: Mittel der Population",
    "Best design per budget": "Bester Entwurf je Budget",
    "Budget versus best TSTT (Pareto front)": "Budget gegen beste TSTT (Pareto-Front)",
    "Chooses which roads of a generated 5×5 grid city get an extra lane within a budget. A graph neural "
    "network learns to predict user-equilibrium flows from solved samples, a genetic algorithm searches designs "
    "with it, and the result is compared with the same GA on exact equilibria and with exact enumeration: the "
    "gap-versus-time chart, the chosen design on the map and the surrogate's accuracy follow when the run "
    "finishes. In a city this small an exact equilibrium takes well under a millisecond, so the chart shows "
    "what the surrogate costs and how close it gets, not a saving in time: that comes where each equilibrium "
    "is expensive.":
        "Wählt, welche Straßen einer erzeugten 5×5-Gitterstadt innerhalb eines Budgets eine zusätzliche Spur "
        "bekommen. Ein neuronales Graphennetz lernt aus gelösten Beispielen, die Flüsse im Nutzergleichgewicht "
        "vorherzusagen, ein genetischer Algorithmus sucht damit Entwürfe, und das Ergebnis wird mit demselben GA "
        "auf exakten Gleichgewichten und mit vollständiger Enumeration verglichen: Das Diagramm Lücke gegen "
        "Zeit, der gewählte Entwurf auf der Karte und die Genauigkeit des Surrogats folgen, wenn der Lauf "
        "fertig ist. In einer so kleinen Stadt dauert ein exaktes Gleichgewicht deutlich unter einer "
        "Millisekunde; das Diagramm zeigt daher, was das Surrogat kostet und wie nahe es kommt, keine "
        "Zeitersparnis: Die entsteht dort, wo jedes Gleichgewicht teuer ist.",
    "Design map: the best design's network coloured by the change in link flow against the no-build network "
    "(red: more traffic, blue: less); the candidate links the design builds have a thick outline, and the title "
    "gives the design's cost against the budget.":
        "Entwurfskarte: das Netz des besten Entwurfs, gefärbt nach der Änderung des Streckenflusses gegenüber dem "
        "Netz ohne Ausbau (rot: mehr Verkehr, blau: weniger); die Kandidatenstrecken, die der Entwurf baut, sind "
        "dick umrandet, und der Titel nennt die Kosten des Entwurfs im Verhältnis zum Budget.",
    "Export data (CSV)…": "Daten exportieren (CSV)…",
    "Export figure data": "Daten der Abbildung exportieren",
    "GA convergence: the best and the mean TSTT of the population per generation. For GA+GNN these are the "
    "surrogate's predictions; its best designs are re-checked with exact user equilibrium at the end.":
        "GA-Konvergenz: beste und mittlere TSTT der Population je Generation. Bei GA+GNN sind das Vorhersagen "
        "des Surrogats; seine besten Entwürfe werden am Ende mit exaktem Nutzergleichgewicht nachgeprüft.",
    "GA+GNN / GA+exact UE wall time, search only": "Laufzeit GA+GNN / GA+exaktes UE, nur Suche",
    "GA+GNN / GA+exact UE wall time, with surrogate data and training":
        "Laufzeit GA+GNN / GA+exaktes UE, mit Surrogat-Daten und -Training",
    "GA+GNN versus GA+exact UE: TSTT difference (%)": "GA+GNN gegen GA+exaktes UE: Unterschied der TSTT (%)",
    "Gap to the reference optimum versus wall time": "Lücke zum Referenzoptimum gegen Laufzeit",
    "Gap versus time: how far each method's best design is from the reference (exact) optimum, in percent of "
    "its TSTT, against wall time on a log scale.":
        "Lücke gegen Zeit: wie weit der beste Entwurf jedes Verfahrens vom (exakten) Referenzoptimum entfernt "
        "ist, in Prozent seiner TSTT, gegen die Laufzeit auf logarithmischer Skala.",
    "Genetic algorithm: fitness per generation": "Genetischer Algorithmus: Fitness je Generation",
    "Genetic algorithm: fitness per generation (GNN values are predictions)":
        "Genetischer Algorithmus: Fitness je Generation (GNN-Werte sind Vorhersagen)",
    "Methods on the same instance": "Verfahren auf derselben Instanz",
    "Network design": "Netzentwurf",
    "Network design with a GNN surrogate": "Netzentwurf mit GNN-Surrogat",
    "Network design: GA+GNN versus GA versus exact": "Netzentwurf: GA+GNN gegen GA gegen exakt",
    "Pareto front: the best TSTT found for each budget of the sweep. A larger budget can only lower the exact "
    "optimum (it admits every design of a smaller one); the gain per unit of budget shows where spending more "
    "stops paying.":
        "Pareto-Front: die beste gefundene TSTT für jedes Budget der Reihe. Ein größeres Budget kann das exakte "
        "Optimum nur senken (es lässt jeden Entwurf eines kleineren zu); der Gewinn je Budgeteinheit zeigt, ab "
        "wann sich Mehrausgaben nicht mehr lohnen.",
    "Surrogate link flows: every link's predicted flow in every validation sample against its equilibrium flow.":
        "Streckenflüsse des Surrogats: der vorhergesagte Fluss jeder Strecke in jedem Validierungsbeispiel gegen "
        "ihren Gleichgewichtsfluss.",
    "Surrogate scatter: the TSTT the graph neural network predicts for validation designs against the TSTT of "
    "the user-equilibrium solve; points on the dashed line y = x are predicted exactly, and R² is the share of "
    "the variance the surrogate explains.":
        "Surrogat-Streudiagramm: die vom neuronalen Graphennetz vorhergesagte TSTT von Validierungsentwürfen gegen "
        "die TSTT der Gleichgewichtslösung; Punkte auf der gestrichelten Geraden y = x sind exakt vorhergesagt, "
        "und R² ist der Anteil der Varianz, den das Surrogat erklärt.",
    "Surrogate versus user equilibrium: TSTT of validation designs":
        "Surrogat gegen Nutzergleichgewicht: TSTT der Validierungsentwürfe",
    "Surrogate versus user equilibrium: link flows of validation designs":
        "Surrogat gegen Nutzergleichgewicht: Streckenflüsse der Validierungsentwürfe",
    "TSTT by user equilibrium": "TSTT im Nutzergleichgewicht",
    "TSTT of the design (fitness)": "TSTT des Entwurfs (Fitness)",
    "TSTT predicted by the surrogate": "vom Surrogat vorhergesagte TSTT",
    "TSTT saved by the design": "durch den Entwurf eingesparte TSTT",
    "TSTT without building anything": "TSTT ohne jeden Ausbau",
    "The objective is the total system travel time (TSTT) at user equilibrium: drivers choose their own "
    "shortest routes, so adding a link can even raise it (the Braess paradox). A design is one yes/no per "
    "candidate, and its cost must stay within the budget.":
        "Das Ziel ist die gesamte Systemreisezeit (TSTT) im Nutzergleichgewicht: Die Fahrer wählen ihre eigenen "
        "kürzesten Wege, daher kann eine zusätzliche Strecke sie sogar erhöhen (Braess-Paradoxon). Ein Entwurf "
        "ist ein Ja/Nein je Kandidat, und seine Kosten müssen im Budget bleiben.",
    "This run has no results to show yet.": "Dieser Lauf hat noch keine Ergebnisse zum Anzeigen.",
    "UE solves": "UE-Lösungen",
    "best TSTT": "beste TSTT",
    "best TSTT found": "beste gefundene TSTT",
    "best design per budget": "bester Entwurf je Budget",
    "budget (% of the total candidate cost)": "Budget (% der gesamten Kandidatenkosten)",
    "budget use": "Budgetnutzung",
    "built candidate (thick outline): %1 of %2": "gebauter Kandidat (dick umrandet): %1 von %2",
    "candidates": "Kandidaten",
    "design (one 0/1 per candidate)": "Entwurf (eine 0/1 je Kandidat)",
    "design cost %1": "Entwurfskosten %1",
    "design cost %1 of budget %2 (%3 %)": "Entwurfskosten %1 von Budget %2 (%3 %)",
    "flow by user equilibrium": "Fluss im Nutzergleichgewicht",
    "flow predicted by the surrogate": "vom Surrogat vorhergesagter Fluss",
    "gap to the reference TSTT (%)": "Lücke zur Referenz-TSTT (%)",
    "generation": "Generation",
    "link flows": "Streckenflüsse",
    "method": "Verfahren",
    "reference TSTT": "Referenz-TSTT",
    "reference method": "Referenzverfahren",
    "seconds (log scale)": "Sekunden (logarithmische Skala)",
    "surrogate: R² of TSTT": "Surrogat: R² der TSTT",
    "surrogate: data generation (s)": "Surrogat: Datenerzeugung (s)",
    "surrogate: flow-weighted error Σ|error| / Σ|flow|": "Surrogat: flussgewichteter Fehler Σ|Fehler| / Σ|Fluss|",
    "surrogate: inference per design (ms)": "Surrogat: Inferenz je Entwurf (ms)",
    "surrogate: training (s)": "Surrogat: Training (s)",
    "surrogate: training samples": "Surrogat: Trainingsbeispiele",
    "the %1 design": "den Entwurf %1",
    "the design": "den Entwurf",
    "validation samples": "Validierungsbeispiele",
    "wall time (s)": "Laufzeit (s)",
    "y = x (perfect prediction)": "y = x (perfekte Vorhersage)",
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
