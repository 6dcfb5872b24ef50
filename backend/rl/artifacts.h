#pragma once
// Artifact names of rl runs (checkpoints are core::checkpointArtifactName(global step)).
#include <string_view>

namespace routescope::rl {

// Per evaluation episode: episode,return,length,success (train runs: the final evaluation).
inline constexpr std::string_view kEvaluationEpisodesArtifact = "evaluation_episodes.csv";

// rl compare: step,runs,estimate,low,high (the aggregate over runs and its bootstrap interval).
inline constexpr std::string_view kLearningCurveArtifact = "learning_curve.csv";

}  // namespace routescope::rl
