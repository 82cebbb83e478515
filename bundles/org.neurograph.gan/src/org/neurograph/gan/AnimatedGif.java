package org.neurograph.gan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Encodes frames as a looping animated GIF with the JDK's GIF writer. */
public final class AnimatedGif {
	private static final String FORMAT = "javax_imageio_gif_image_1.0";

	private AnimatedGif() {
	}

	/** The GIF bytes of {@code frames} (all the same size), each shown {@code delayMillis}, looping for ever. */
	public static byte[] encode(List<BufferedImage> frames, int delayMillis) throws IOException {
		if (frames.isEmpty()) {
			throw new IllegalArgumentException("An animation needs at least one frame.");
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.prepareWriteSequence(null);
			for (BufferedImage frame : frames) {
				BufferedImage rgb = toRgb(frame);
				ImageWriteParam param = writer.getDefaultWriteParam();
				IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
				configure(meta, Math.max(1, delayMillis / 10));
				writer.writeToSequence(new IIOImage(rgb, null, meta), param);
			}
			writer.endWriteSequence();
		} finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static BufferedImage toRgb(BufferedImage frame) {
		if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
			return frame;
		}
		BufferedImage out = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
		out.getGraphics().drawImage(frame, 0, 0, null);
		return out;
	}

	private static void configure(IIOMetadata meta, int delayCentis) throws IIOInvalidTreeException {
		IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
		IIOMetadataNode gce = child(root, "GraphicControlExtension");
		gce.setAttribute("disposalMethod", "none");
		gce.setAttribute("userInputFlag", "FALSE");
		gce.setAttribute("transparentColorFlag", "FALSE");
		gce.setAttribute("delayTime", Integer.toString(delayCentis));
		gce.setAttribute("transparentColorIndex", "0");
		IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
		app.setAttribute("applicationID", "NETSCAPE");
		app.setAttribute("authenticationCode", "2.0");
		app.setUserObject(new byte[] { 1, 0, 0 }); // loop count 0: for ever
		child(root, "ApplicationExtensions").appendChild(app);
		meta.setFromTree(FORMAT, root);
	}

	private static IIOMetadataNode child(IIOMetadataNode root, String name) {
		for (int i = 0; i < root.getLength(); i++) {
			if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
				return (IIOMetadataNode) root.item(i);
			}
		}
		IIOMetadataNode node = new IIOMetadataNode(name);
		root.appendChild(node);
		return node;
	}
}
