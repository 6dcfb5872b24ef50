#include "widgets/vtk/gl2ps_pdf_export.h"

#include <vtkCommand.h>
#include <vtkGL2PSExporter.h>
#include <vtkRenderWindow.h>
#include <vtkSmartPointer.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace routescope::widgets {
namespace {

// Collects the first error a VTK object reports instead of letting it reach vtkOutputWindow.
struct VtkErrorCatcher {
  QString message;
  void onError(vtkObject*, unsigned long, void* call_data) {
    if (message.isEmpty() && call_data != nullptr)
      message = QString::fromUtf8(static_cast<const char*>(call_data)).simplified();
  }
};

}  // namespace

QByteArray writeGl2psPdf(vtkRenderWindow* window, const QSize& pixels, const QString& title, QString* error) {
  // vtkGL2PSExporter is abstract; New() returns the OpenGL2 implementation registered by
  // vtk_module_autoinit, or null when that module was not initialised.
  vtkSmartPointer<vtkGL2PSExporter> exporter =
      vtkSmartPointer<vtkGL2PSExporter>::Take(vtkGL2PSExporter::New());
  if (exporter == nullptr) {
    *error = QStringLiteral("VTK's GL2PS exporter is not available (VTK::IOExportGL2PS not initialised)");
    return {};
  }
  QTemporaryDir folder;
  if (!folder.isValid()) {
    *error = QStringLiteral("cannot create a temporary folder: ") + folder.errorString();
    return {};
  }
  const QByteArray prefix = QDir(folder.path()).filePath(QStringLiteral("figure")).toLocal8Bit();
  VtkErrorCatcher catcher;
  exporter->AddObserver(vtkCommand::ErrorEvent, &catcher, &VtkErrorCatcher::onError);
  exporter->SetRenderWindow(window);
  exporter->SetFilePrefix(prefix.constData());
  exporter->SetFileFormatToPDF();
  // Uncompressed streams keep the page and catalog dictionaries plain text for the update.
  exporter->CompressOff();
  exporter->DrawBackgroundOn();
  exporter->SilentOn();
  const QByteArray title_bytes = title.toUtf8();
  exporter->SetTitle(title_bytes.constData());

  const int* old_size = window->GetSize();
  const int saved_width = old_size[0];
  const int saved_height = old_size[1];
  window->SetSize(pixels.width(), pixels.height());
  exporter->Write();
  window->SetSize(saved_width, saved_height);

  QFile file(QString::fromLocal8Bit(prefix) + ".pdf");
  if (!file.open(QIODevice::ReadOnly) || file.size() == 0) {
    *error =
        catcher.message.isEmpty() ? QStringLiteral("GL2PS wrote no output") : "GL2PS: " + catcher.message;
    return {};
  }
  return file.readAll();
}

}  // namespace routescope::widgets
